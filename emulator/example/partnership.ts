// The example partnership the preview starts on: a school-community partnership, written from seeds/.

export const EXAMPLE_PARTNERSHIP = {
  name: 'Riverside Community Schools Partnership',
  purpose:
    'Riverside Elementary and its community partners work together so that every child reads at grade level and every family is connected to the school.',
  coordinator: 'Maya Lopez',
  coordinatorEmail: 'maya.lopez@riverside.example.org',
  timeZone: 'America/New_York',
} as const;
