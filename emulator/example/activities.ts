// The example partnership's calendar of activities (2027–28 school year), and the first sync the preview starts with.
import type { Addon } from '../addon';
import { type ExampleRow, typeRowsByKey } from './typeRows';

const G1 = 'G1 · Every child reads at grade level by the end of grade 3';
const G2 = 'G2 · Every family is connected to the school';

/**
 * Activities added to the logic-model example's seven (A1–A7, which already hold the weekly
 * tutoring series and the monthly partners' meeting), written from docs/partnership-practice.md:
 * a training in another zone, multi-day all-day events, series that end on a date or after N
 * times, deadlines, and a draft. They have no IDs yet: the first sync gives them A8, A9, ….
 */
export const SYNCED_ACTIVITIES: ExampleRow[] = [
  {
    title: 'Structured literacy training for tutors (online)',
    type: 'Training',
    startDate: '2027-09-02',
    startTime: '13:00',
    endTime: '16:00',
    timeZone: 'America/Chicago',
    location: 'https://meet.example.org/literacy-training',
    lead: 'State University Tutoring Corps',
    participants: 'Riverside Public Library',
    goal: G1,
    outcome: 'O1 · Struggling readers attend tutoring twice a week',
    output: '15 volunteer tutors trained',
    notes: 'Given from the university’s Chicago campus: the times are Central time.',
    status: 'Confirmed',
  },
  {
    title: 'Family reading weekend',
    type: 'Event',
    startDate: '2027-10-16',
    endDate: '2027-10-17',
    location: 'Riverside Public Library',
    lead: 'Riverside Public Library',
    participants: 'Riverside Parent Association, Main Street Business Alliance',
    goal: G1,
    outcome: 'O2 · More third graders read at grade level',
    output: '150 families attend',
    status: 'Confirmed',
  },
  {
    title: 'Vision and hearing screening day',
    type: 'Outreach',
    startDate: '2027-09-22',
    startTime: '09:00',
    endTime: '14:00',
    location: 'Riverside Elementary School, gym',
    lead: 'Eastside Community Health Clinic',
    participants: 'Riverside Elementary School, Riverside Parent Association',
    goal: G2,
    output: '300 screenings',
    status: 'Confirmed',
  },
  {
    title: 'Weekend food backpacks packing',
    type: 'Outreach',
    startDate: '2027-09-10',
    startTime: '14:00',
    endTime: '15:30',
    recurrence: 'Every 2 weeks until 2027-12-17',
    location: 'Northside Food Bank warehouse',
    lead: 'Northside Food Bank',
    participants: 'Riverside YMCA, Riverside Parent Association',
    goal: G2,
    output: '200 backpacks every other Friday',
    status: 'Confirmed',
  },
  {
    title: 'Parent workshop: reading at home',
    type: 'Workshop',
    startDate: '2027-10-05',
    startTime: '18:00',
    endTime: '19:30',
    recurrence: 'Monthly, 4 times',
    location: 'Riverside Elementary School, cafeteria',
    lead: 'Riverside Parent Association',
    participants: 'Riverside Public Library, State University Tutoring Corps',
    goal: G2,
    outcome: 'O4 · Parents take part in school events',
    status: 'Planned',
  },
  {
    title: 'YMCA homework club',
    type: 'Capacity building',
    startDate: '2027-09-14',
    startTime: '16:30',
    endTime: '18:00',
    recurrence: 'Weekly, 12 times',
    location: 'Riverside YMCA',
    lead: 'Riverside YMCA',
    participants: 'Riverside Elementary School',
    goal: G1,
    status: 'Confirmed',
  },
  {
    title: 'MOU signing and partner celebration',
    type: 'Meeting',
    startDate: '2027-09-23',
    startTime: '17:00',
    endTime: '18:30',
    location: 'Riverside Public Library, community room',
    lead: 'Riverside Elementary School',
    participants:
      'Riverside Public Library, Eastside Community Health Clinic, State University Tutoring Corps, Riverside Parent Association, Northside Food Bank, Riverside YMCA, Main Street Business Alliance',
    status: 'Confirmed',
  },
  {
    title: 'Main Street book drive',
    type: 'Event',
    startDate: '2027-11-08',
    endDate: '2027-11-12',
    location: 'Main Street shops',
    lead: 'Main Street Business Alliance',
    participants: 'Riverside Public Library',
    goal: G1,
    output: '1,000 books collected',
    status: 'Planned',
  },
  {
    title: 'Community needs survey closes',
    type: 'Deadline',
    startDate: '2027-10-29',
    lead: 'Riverside Parent Association',
    goal: G2,
    status: 'Confirmed',
  },
  {
    title: 'Grant report to the community foundation due',
    type: 'Deadline',
    startDate: '2028-01-15',
    lead: 'Riverside Elementary School',
    notes: 'Attach the mid-year indicators from the Outcomes tab.',
    status: 'Confirmed',
  },
  {
    title: 'Mid-year evaluation workshop',
    type: 'Workshop',
    startDate: '2028-01-20',
    startTime: '09:00',
    endTime: '12:00',
    location: 'State University, Education Building 204',
    lead: 'State University Tutoring Corps',
    participants: 'Riverside Elementary School, Riverside Public Library',
    goal: G1,
    outcome: 'O3 · Grade 3 reading matches the state average',
    status: 'Planned',
  },
  {
    title: 'Family health clinic hours',
    type: 'Outreach',
    startDate: '2027-09-16',
    startTime: '15:00',
    endTime: '17:00',
    recurrence: 'Monthly, 6 times',
    location: 'Eastside Community Health Clinic',
    lead: 'Eastside Community Health Clinic',
    goal: G2,
    status: 'Confirmed',
  },
  {
    title: 'Winter break: no tutoring',
    type: 'Other',
    startDate: '2027-12-20',
    endDate: '2027-12-31',
    lead: 'Riverside Elementary School',
    status: 'Confirmed',
  },
  {
    title: 'Library card sign-up day',
    type: 'Event',
    startDate: '2027-10-01',
    location: 'Riverside Elementary School',
    lead: 'Riverside Public Library',
    goal: G2,
    status: 'Draft',
  },
];

/**
 * Adds these activities to the Calendar tab (after the logic-model example's), creates the
 * partnership's calendar through the sidebar call and runs a first sync, so the preview opens on
 * real events.
 */
export function seedActivities(addon: Addon): void {
  typeRowsByKey(addon.workspace, 'Calendar', SYNCED_ACTIVITIES);
  addon.runFromSidebar('saveCalendarChoice', {
    mode: 'new',
    calendarId: null,
    shareWithPartners: false,
    invitePartners: false,
    sendInvites: false,
  });
  addon.run('syncCalendar');
}
