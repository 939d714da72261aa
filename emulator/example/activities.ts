// The example partnership's calendar of activities, and the first sync the preview starts with.
import { CALENDAR_TAB, PARTNERS_TAB } from '../../src/domain/schema/tabs';
import type { Addon } from '../addon';
import { ensurePlanTab, pasteRows } from './planTabs';

const DAY = 86_400_000;

/** yyyy-mm-dd of the Monday of `now`'s week plus `days` (so the preview always shows this term). */
function day(now: number, days: number): string {
  const d = new Date(now);
  const monday =
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY;
  return new Date(monday + days * DAY).toISOString().slice(0, 10);
}

/** ~15 activities of a school–community partnership (seeds/shared-work-plan.txt), by column key. */
export function exampleActivities(now: number): Record<string, string>[] {
  const d = (n: number) => day(now, n);
  return [
    {
      title: 'After-school reading tutoring',
      type: 'Capacity building',
      startDate: d(1),
      startTime: '15:30',
      endTime: '16:30',
      recurrence: 'Weekly, 12 times',
      location: 'Riverside Elementary School, Library',
      lead: 'State University Tutoring Corps',
      participants: 'Riverside Elementary School, Riverside Public Library',
      goal: 'G1 · Every child reads at grade level by grade 3',
      outcome: 'O1 · 80% of K–2 students reach the spring reading benchmark',
      output: '40 students tutored twice a week',
      status: 'Confirmed',
    },
    {
      title: 'Partners’ monthly planning meeting',
      type: 'Meeting',
      startDate: d(2),
      startTime: '08:00',
      endTime: '09:00',
      recurrence: 'Monthly, 6 times',
      location: 'Riverside Elementary School, Room 101',
      lead: 'Riverside Elementary School',
      participants:
        'Riverside Public Library, Eastside Community Health Clinic, Riverside Parent Association, Northside Food Bank, Riverside YMCA',
      goal: 'G3 · Partners plan and act as one team',
      status: 'Confirmed',
    },
    {
      title: 'Tutor training: structured literacy',
      type: 'Training',
      startDate: d(3),
      startTime: '13:00',
      endTime: '16:00',
      location: 'https://meet.example.org/literacy-training',
      timeZone: 'America/Chicago',
      lead: 'State University Tutoring Corps',
      participants: 'Riverside Public Library',
      goal: 'G1 · Every child reads at grade level by grade 3',
      output: '15 volunteer tutors trained',
      notes: 'Run by the university’s Chicago campus; times are Central.',
      status: 'Planned',
    },
    {
      title: 'Family reading weekend',
      type: 'Event',
      startDate: d(12),
      endDate: d(13),
      location: 'Riverside Public Library',
      lead: 'Riverside Public Library',
      participants: 'Riverside Parent Association, Main Street Business Alliance',
      goal: 'G2 · Every family is connected to the school',
      output: '150 families attend',
      status: 'Confirmed',
    },
    {
      title: 'Back-to-school health screening',
      type: 'Outreach',
      startDate: d(8),
      startTime: '09:00',
      endTime: '14:00',
      location: 'Riverside Elementary School, Gym',
      lead: 'Eastside Community Health Clinic',
      participants: 'Riverside Elementary School, Riverside Parent Association',
      goal: 'G4 · Students are healthy and ready to learn',
      output: '300 vision and hearing screenings',
      status: 'Confirmed',
    },
    {
      title: 'Weekend food backpacks packing',
      type: 'Outreach',
      startDate: d(4),
      startTime: '14:00',
      endTime: '15:30',
      recurrence: 'Every 2 weeks until ' + d(95),
      location: 'Northside Food Bank warehouse',
      lead: 'Northside Food Bank',
      participants: 'Riverside YMCA, Riverside Parent Association',
      goal: 'G4 · Students are healthy and ready to learn',
      output: '60 backpacks every other Friday',
      status: 'Confirmed',
    },
    {
      title: 'Parent workshop: reading at home',
      type: 'Workshop',
      startDate: d(9),
      startTime: '18:00',
      endTime: '19:30',
      location: 'Riverside Elementary School, Cafeteria',
      lead: 'Riverside Parent Association',
      participants: 'Riverside Public Library, State University Tutoring Corps',
      goal: 'G2 · Every family is connected to the school',
      outcome: 'O3 · Families read with their children 3 times a week',
      status: 'Planned',
    },
    {
      title: 'YMCA after-school sports and homework club',
      type: 'Capacity building',
      startDate: d(0),
      startTime: '16:30',
      endTime: '18:00',
      recurrence: 'Weekly until ' + d(80),
      location: 'Riverside YMCA',
      lead: 'Riverside YMCA',
      participants: 'Riverside Elementary School',
      goal: 'G4 · Students are healthy and ready to learn',
      status: 'Confirmed',
    },
    {
      title: 'Grant report to the community foundation due',
      type: 'Deadline',
      startDate: d(25),
      lead: 'Riverside Elementary School',
      goal: 'G3 · Partners plan and act as one team',
      notes: 'Attach the mid-year indicators from the Outcomes tab.',
      status: 'Confirmed',
    },
    {
      title: 'Main Street book drive',
      type: 'Event',
      startDate: d(15),
      endDate: d(19),
      location: 'Main Street shops',
      lead: 'Main Street Business Alliance',
      participants: 'Riverside Public Library',
      goal: 'G1 · Every child reads at grade level by grade 3',
      output: '1,000 books collected',
      status: 'Planned',
    },
    {
      title: 'MOU signing and partner celebration',
      type: 'Meeting',
      startDate: d(10),
      startTime: '17:00',
      endTime: '18:30',
      location: 'Riverside Public Library, Community Room',
      lead: 'Riverside Elementary School',
      participants:
        'Riverside Public Library, Eastside Community Health Clinic, State University Tutoring Corps, Riverside Parent Association, Northside Food Bank, Riverside YMCA, Main Street Business Alliance',
      goal: 'G3 · Partners plan and act as one team',
      status: 'Confirmed',
    },
    {
      title: 'Community needs survey closes',
      type: 'Deadline',
      startDate: d(18),
      lead: 'Riverside Parent Association',
      goal: 'G2 · Every family is connected to the school',
      status: 'Confirmed',
    },
    {
      title: 'Mid-year evaluation workshop',
      type: 'Workshop',
      startDate: d(30),
      startTime: '09:00',
      endTime: '12:00',
      location: 'State University, Education Building 204',
      lead: 'State University Tutoring Corps',
      participants: 'Riverside Elementary School, Riverside Public Library',
      goal: 'G3 · Partners plan and act as one team',
      status: 'Planned',
    },
    {
      title: 'Health clinic open hours for families',
      type: 'Outreach',
      startDate: d(3),
      startTime: '15:00',
      endTime: '17:00',
      recurrence: 'Monthly, 5 times',
      location: 'Eastside Community Health Clinic',
      lead: 'Eastside Community Health Clinic',
      goal: 'G4 · Students are healthy and ready to learn',
      status: 'Confirmed',
    },
    {
      title: 'Library card sign-up day',
      type: 'Event',
      startDate: d(22),
      location: 'Riverside Elementary School',
      lead: 'Riverside Public Library',
      goal: 'G2 · Every family is connected to the school',
      status: 'Draft',
    },
  ];
}

const EXAMPLE_CONTACTS = [
  ['Riverside Elementary School', 'School', 'principal@riverside-elem.example.org'],
  ['Riverside Public Library', 'Government agency', 'outreach@riverside-library.example.org'],
  ['Eastside Community Health Clinic', 'Health provider', 'community@eastside-clinic.example.org'],
  ['State University Tutoring Corps', 'Higher education', 'tutoring@state-university.example.edu'],
  ['Riverside Parent Association', 'Parent or family group', 'board@riverside-pa.example.org'],
  ['Northside Food Bank', 'Nonprofit', 'programs@northside-food.example.org'],
  ['Riverside YMCA', 'Community organisation', 'youth@riverside-ymca.example.org'],
  ['Main Street Business Alliance', 'Business', 'hello@mainstreet-alliance.example.org'],
];

/**
 * Adds the activities to the Calendar tab, creates the partnership's calendar through the
 * add-on's sidebar call and runs a first sync, so the preview opens on real events. Until set-up
 * lands, the Calendar and Partners tabs are created here the way set-up would.
 */
export function seedActivities(addon: Addon): void {
  const ws = addon.workspace;
  ensurePlanTab(ws, PARTNERS_TAB);
  ensurePlanTab(ws, CALENDAR_TAB);
  const partners = ws.sheets.app.getActiveSpreadsheet().getSheetByName(PARTNERS_TAB.name);
  if (partners && partners.getLastRow() <= 1)
    pasteRows(
      ws,
      PARTNERS_TAB,
      EXAMPLE_CONTACTS.map(([organisation, type, email]) => ({
        organisation,
        type,
        email,
        invite: 'FALSE',
      })),
    );
  pasteRows(ws, CALENDAR_TAB, exampleActivities(ws.runtime.now()));
  addon.runFromSidebar('saveCalendarChoice', {
    mode: 'new',
    calendarId: null,
    shareWithPartners: false,
    invitePartners: false,
    sendInvites: false,
  });
  addon.run('syncCalendar');
}
