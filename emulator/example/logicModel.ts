// The example partnership's logic model: goals, outcomes, findings and activities written from seeds/shared-work-plan.txt.

import { readTab } from '../../src/adapters/sheets/readTab';
import type { TabDef } from '../../src/domain/schema/columns';
import { COLUMN_KEY_METADATA, TAB_KEY_METADATA } from '../../src/domain/schema/metadata';
import {
  ASSESSMENTS_TAB,
  CALENDAR_TAB,
  GOALS_TAB,
  OUTCOMES_TAB,
  PARTNERS_TAB,
} from '../../src/domain/schema/tabs';
import { placeCells } from '../../src/domain/table/place';
import type { Addon } from '../addon';
import type { Workspace } from '../workspace';

/** A row of a plan tab, by column key (values as a partner would type them). */
export type ExampleRow = Record<string, string>;

export const EXAMPLE_PARTNERS: ExampleRow[] = [
  {
    id: 'P1',
    organisation: 'Riverside Elementary School',
    contact: 'Dana Whitfield',
    email: 'dwhitfield@riverside-elem.example.org',
    phone: '(555) 201-3300',
    type: 'School',
    role: 'Lead',
  },
  {
    id: 'P2',
    organisation: 'Riverside Public Library',
    contact: 'Marcus Chen',
    email: 'mchen@riversidelibrary.example.org',
    phone: '(555) 201-4410',
    type: 'Government agency',
    role: 'Core partner',
  },
  {
    id: 'P3',
    organisation: 'Eastside Community Health Clinic',
    contact: 'Lena Ortiz',
    email: 'lortiz@eastsidehealth.example.org',
    phone: '(555) 201-5520',
    type: 'Health provider',
    role: 'Core partner',
  },
  {
    id: 'P4',
    organisation: 'State University Tutoring Corps',
    contact: 'Priya Natarajan',
    email: 'pnatarajan@stateu.example.edu',
    phone: '(555) 201-6630',
    type: 'Higher education',
    role: 'Core partner',
  },
  {
    id: 'P5',
    organisation: 'Riverside Parent Association',
    contact: 'Carmen Alvarez',
    email: 'president@riversidepa.example.org',
    phone: '(555) 201-7740',
    type: 'Parent or family group',
    role: 'Core partner',
  },
  {
    id: 'P6',
    organisation: 'Northside Food Bank',
    contact: 'Tom Becker',
    email: 'tbecker@northsidefoodbank.example.org',
    phone: '(555) 201-8850',
    type: 'Nonprofit',
    role: 'Supporting partner',
  },
  {
    id: 'P7',
    organisation: 'Riverside YMCA',
    contact: 'Jamal Wright',
    email: 'jwright@riversideymca.example.org',
    phone: '(555) 201-9960',
    type: 'Community organisation',
    role: 'Supporting partner',
  },
  {
    id: 'P8',
    organisation: 'Main Street Business Alliance',
    contact: 'Susan Park',
    email: 'spark@mainstreetalliance.example.org',
    phone: '(555) 201-1170',
    type: 'Business',
    role: 'Supporting partner',
  },
];

export const EXAMPLE_GOALS: ExampleRow[] = [
  {
    id: 'G1',
    goal: 'Every child reads at grade level by the end of grade 3',
    priority: 'High',
    problem: '',
    impact: 'Riverside children grow up as confident readers who finish school.',
    inputs: 'Title I family-engagement funds; Donated books',
    assumptions: 'Children who are tutored twice a week through a whole school year catch up.',
    externalFactors: 'A new state reading test in 2028.',
    owner: 'Riverside Elementary School',
    status: 'On track',
  },
  {
    id: 'G2',
    goal: 'Every family is connected to the school',
    priority: 'High',
    problem: '',
    impact: 'Families and the school work together on every child’s learning.',
    inputs: '',
    assumptions: 'Families come when events are held in the evening, with food and childcare.',
    externalFactors: '',
    owner: 'Riverside Parent Association',
    status: 'Not started',
  },
];

export const EXAMPLE_OUTCOMES: ExampleRow[] = [
  {
    id: 'O1',
    goal: 'G1 · Every child reads at grade level by the end of grade 3',
    term: 'Short term',
    outcome: 'Struggling readers attend tutoring twice a week',
    indicator: 'Share of referred K–3 students at two sessions a week',
    baseline: '0%',
    target: '80%',
    targetDate: '2027-12-17',
    owner: 'State University Tutoring Corps',
    status: 'On track',
  },
  {
    id: 'O2',
    goal: 'G1 · Every child reads at grade level by the end of grade 3',
    term: 'Medium term',
    outcome: 'More third graders read at grade level',
    indicator: 'Grade 3 students at benchmark on the spring screener',
    baseline: '41%',
    target: '60%',
    targetDate: '2028-06-15',
    owner: 'Riverside Elementary School',
    status: 'Not started',
  },
  {
    id: 'O3',
    goal: 'G1 · Every child reads at grade level by the end of grade 3',
    term: 'Long term',
    outcome: 'Grade 3 reading matches the state average',
    indicator: 'Grade 3 proficiency on the state reading test',
    baseline: '38%',
    target: '52%',
    targetDate: '2030-06-30',
    owner: 'Riverside Elementary School',
    status: 'Not started',
  },
  {
    id: 'O4',
    goal: 'G2 · Every family is connected to the school',
    term: 'Short term',
    outcome: 'Parents take part in school events',
    indicator: 'Families at one event or more a term',
    baseline: '120',
    target: '250',
    targetDate: '',
    owner: 'Riverside Parent Association',
    status: 'Not started',
  },
  {
    id: 'O5',
    goal: 'G2 · Every family is connected to the school',
    term: 'Medium term',
    outcome: 'Families use the health and food services they need',
    indicator: 'Referrals completed through the family resource desk',
    baseline: '',
    target: '150',
    targetDate: '2028-06-30',
    owner: 'Eastside Community Health Clinic',
    status: 'Not started',
  },
];

export const EXAMPLE_FINDINGS: ExampleRow[] = [
  {
    id: 'F1',
    source: 'Organisational',
    partner: 'Riverside Public Library',
    kind: 'Asset',
    category: 'Physical space',
    description: 'Reading room and children’s librarians after school',
    goal: 'G1 · Every child reads at grade level by the end of grade 3',
  },
  {
    id: 'F2',
    source: 'Organisational',
    partner: 'State University Tutoring Corps',
    kind: 'Asset',
    category: 'People and skills',
    description: '40 trained undergraduate tutors each semester',
    goal: 'G1 · Every child reads at grade level by the end of grade 3',
  },
  {
    id: 'F3',
    source: 'Organisational',
    partner: 'Riverside YMCA',
    kind: 'Asset',
    category: 'Physical space',
    description: 'Gym and classrooms for summer camps',
    goal: 'G1 · Every child reads at grade level by the end of grade 3',
  },
  {
    id: 'F4',
    source: 'Organisational',
    partner: 'Main Street Business Alliance',
    kind: 'Asset',
    category: 'Economy and funding',
    description: 'Member businesses donate books and snacks',
    goal: 'G1 · Every child reads at grade level by the end of grade 3',
  },
  {
    id: 'F5',
    source: 'Community',
    partner: 'Riverside Elementary School',
    kind: 'Need',
    category: 'Data and evaluation',
    description: 'Only 41% of third graders read at grade level.',
    evidence: 'Spring 2026 reading screener',
    dataSource: 'Public data',
    population: 'Grade 3 students',
    priority: 'High',
    goal: 'G1 · Every child reads at grade level by the end of grade 3',
  },
  {
    id: 'F6',
    source: 'Community',
    partner: 'Riverside Parent Association',
    kind: 'Need',
    category: 'Culture',
    description: 'Many homes have few children’s books',
    evidence: 'Parent survey 2026: 58% own fewer than 10',
    dataSource: 'Survey',
    population: 'Families of K–3 students',
    priority: 'Medium',
    goal: 'G1 · Every child reads at grade level by the end of grade 3',
  },
  {
    id: 'F7',
    source: 'Community',
    partner: 'Riverside Parent Association',
    kind: 'Need',
    category: 'Communications',
    description: 'Working parents cannot come to daytime school events',
    evidence: 'Parent survey 2026',
    dataSource: 'Survey',
    priority: 'Medium',
    goal: 'G2 · Every family is connected to the school',
  },
  {
    id: 'F8',
    source: 'Community',
    partner: 'Eastside Community Health Clinic',
    kind: 'Need',
    category: 'Institutions',
    description: 'Families do not know which health and food services they can use',
    evidence: 'Focus groups with 32 parents',
    dataSource: 'Focus group',
    priority: 'High',
    goal: 'G2 · Every family is connected to the school',
  },
  {
    id: 'F9',
    source: 'Organisational',
    partner: 'Northside Food Bank',
    kind: 'Asset',
    category: 'Economy and funding',
    description: 'Weekend food backpacks for 200 children',
    goal: 'G2 · Every family is connected to the school',
  },
  {
    id: 'F10',
    source: 'Organisational',
    partner: 'Eastside Community Health Clinic',
    kind: 'Asset',
    category: 'People and skills',
    description: 'Bilingual community health workers',
    goal: 'G2 · Every family is connected to the school',
  },
  {
    id: 'F11',
    source: 'Organisational',
    partner: 'Riverside Elementary School',
    kind: 'Need',
    category: 'Data and evaluation',
    description: 'No staff time to analyse attendance and reading data',
    priority: 'Medium',
    goal: '',
  },
];

export const EXAMPLE_ACTIVITIES: ExampleRow[] = [
  {
    id: 'A1',
    title: 'After-school tutoring',
    type: 'Other',
    startDate: '2027-09-13',
    startTime: '15:30',
    endTime: '16:30',
    recurrence: 'Weekly until 2028-06-09',
    location: 'Riverside Public Library, reading room',
    lead: 'State University Tutoring Corps',
    participants: 'Riverside Elementary School, Riverside Public Library',
    goal: 'G1 · Every child reads at grade level by the end of grade 3',
    outcome: 'O1 · Struggling readers attend tutoring twice a week',
    output: '60 students tutored twice a week',
    status: 'Planned',
  },
  {
    id: 'A2',
    title: 'Tutor training',
    type: 'Training',
    startDate: '2027-09-01',
    startTime: '09:00',
    endTime: '15:00',
    location: 'Riverside Elementary School, library',
    lead: 'State University Tutoring Corps',
    participants: 'Riverside Elementary School',
    goal: 'G1 · Every child reads at grade level by the end of grade 3',
    outcome: 'O1 · Struggling readers attend tutoring twice a week',
    output: '24 tutors trained',
    status: 'Confirmed',
  },
  {
    id: 'A3',
    title: 'Family literacy nights',
    type: 'Event',
    startDate: '2027-10-07',
    startTime: '18:00',
    endTime: '19:30',
    recurrence: 'Monthly',
    location: 'Riverside Public Library',
    lead: 'Riverside Public Library',
    participants: 'Riverside Parent Association',
    goal: 'G1 · Every child reads at grade level by the end of grade 3',
    outcome: 'O2 · More third graders read at grade level',
    output: '6 evenings, 150 families',
    status: 'Planned',
  },
  {
    id: 'A4',
    title: 'Summer reading camp',
    type: 'Event',
    startDate: '2028-07-10',
    endDate: '2028-08-04',
    allDay: 'TRUE',
    location: 'Riverside YMCA',
    lead: 'Riverside YMCA',
    participants: 'Riverside Public Library',
    goal: 'G1 · Every child reads at grade level by the end of grade 3',
    outcome: '',
    output: '40 campers for 4 weeks',
    status: 'Draft',
  },
  {
    id: 'A5',
    title: 'Reading data review with teachers',
    type: 'Meeting',
    startDate: '2027-11-04',
    startTime: '15:30',
    endTime: '16:30',
    lead: 'Riverside Elementary School',
    participants: 'State University Tutoring Corps',
    goal: 'G1 · Every child reads at grade level by the end of grade 3',
    outcome: 'O3 · Grade 3 reading matches the state average',
    output: '3 data reviews a year',
    status: 'Planned',
  },
  {
    id: 'A6',
    title: 'Back-to-school family fair',
    type: 'Event',
    startDate: '2027-08-28',
    startTime: '10:00',
    endTime: '14:00',
    location: 'Riverside Elementary School, playground',
    lead: 'Riverside Parent Association',
    participants:
      'Eastside Community Health Clinic, Northside Food Bank, Main Street Business Alliance',
    goal: 'G2 · Every family is connected to the school',
    outcome: 'O4 · Parents take part in school events',
    output: '1 fair, 300 visitors',
    status: 'Confirmed',
  },
  {
    id: 'A7',
    title: 'Partners’ monthly meeting',
    type: 'Meeting',
    startDate: '2027-09-08',
    startTime: '08:30',
    endTime: '09:30',
    recurrence: 'Monthly',
    location: 'Riverside Elementary School, room 12',
    lead: 'Riverside Elementary School',
    participants: 'Riverside Public Library, Riverside Parent Association',
    goal: '',
    outcome: '',
    output: '',
    status: 'Confirmed',
  },
];

// ---------- writing the example into a workspace ----------

/** The example's rows, tab by tab. */
export const EXAMPLE_PLAN_ROWS: ReadonlyArray<[TabDef, ExampleRow[]]> = [
  [PARTNERS_TAB, EXAMPLE_PARTNERS],
  [GOALS_TAB, EXAMPLE_GOALS],
  [OUTCOMES_TAB, EXAMPLE_OUTCOMES],
  [ASSESSMENTS_TAB, EXAMPLE_FINDINGS],
  [CALENDAR_TAB, EXAMPLE_ACTIVITIES],
];

/** The fake typed as Google's: the add-on's own reader then works on it unchanged. */
const spreadsheetOf = (ws: Workspace) =>
  ws.sheets.app.getActiveSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * A plan tab as set-up makes it: the schema's headers, the tab key on the sheet and each column's
 * key on its column. Left as it is when the tab already exists (set-up ran first).
 */
export function ensurePlanTab(ws: Workspace, tab: TabDef): GoogleAppsScript.Spreadsheet.Sheet {
  const ss =
    ws.sheets.app.getActiveSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const existing = ss.getSheetByName(tab.name);
  if (existing) return existing;
  const sheet = ss.insertSheet(tab.name);
  sheet.addDeveloperMetadata(TAB_KEY_METADATA, tab.key);
  sheet.getRange(1, 1, 1, tab.columns.length).setValues([tab.columns.map((c) => c.header)]);
  tab.columns.forEach((c, i) => {
    const letter = String.fromCharCode(65 + (i % 26));
    const name = i < 26 ? letter : `A${letter}`;
    sheet.getRange(`${name}:${name}`).addDeveloperMetadata(COLUMN_KEY_METADATA, c.key);
  });
  return sheet;
}

/**
 * Appends `rows` under the tab's headers as a partner would type them (Sheets parses dates and
 * percentages), skipping rows whose ID is already there, so seeding twice changes nothing.
 */
export function appendExampleRows(ws: Workspace, tab: TabDef, rows: readonly ExampleRow[]): void {
  const sheet = ensurePlanTab(ws, tab);
  const read = readTab(spreadsheetOf(ws), tab);
  if (!read) throw new Error(`No ${tab.name} tab after creating it`);
  const present = new Set(read.records.map((r) => String(r.cells.id)));
  const fresh = rows.filter((r) => !r.id || !present.has(r.id));
  if (fresh.length === 0) return;
  const width = read.raw.headers.length;
  const block = fresh.map((row) => placeCells(row, read.location, width));
  const after = read.raw.headerRow + read.raw.rows.length;
  sheet.getRange(after + 1, 1, block.length, width).setValues(block);
}

/** The example partnership's plan rows: partners, goals, outcomes, findings and activities. */
export function writeExamplePlan(ws: Workspace): void {
  for (const [tab, rows] of EXAMPLE_PLAN_ROWS) appendExampleRows(ws, tab, rows);
}

/**
 * The preview's logic model: the plan rows the model is built from (tabs created as set-up lays
 * them out when set-up has not run), then the Logic Model tab built by the add-on itself.
 */
export function seedLogicModel(addon: Addon): void {
  writeExamplePlan(addon.workspace);
  addon.run('buildLogicModel');
}
