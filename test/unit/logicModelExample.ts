// The example partnership's logic model written out by hand: what the Logic Model tab must show.
import { fixLines, paragraphLines } from '../../src/domain/logicModel/layout';

/** A paragraph written whole here, in the rows the tab breaks it into (the breaking is tested on its own). */
const para = (text: string, kind: 'title' | 'goal' | 'paragraph' | 'checkTitle' = 'paragraph') =>
  paragraphLines(text, kind).map((line) => [line]);
/** A check report line: the check, tab and row, then "What to fix" in as many rows as it needs. */
const fix = (check: string, tab: string, row: number, message: string) =>
  fixLines(message).map((line, i) => (i === 0 ? [check, tab, row, line] : ['', '', '', line]));

const G1 = 'G1 · Every child reads at grade level by the end of grade 3';
const G2 = 'G2 · Every family is connected to the school';

/** Rows of the built tab, trailing empty cells left out (the test pads them). */
export const EXAMPLE_TAB_ROWS: unknown[][] = [
  ...para('Logic model: Riverside Community Schools Partnership', 'title'),
  ...para(
    'Built by Shared Work Plan from the Goals, Outcomes, Assessments and Calendar tabs. Edit those tabs (or use Extensions › Shared Work Plan › Logic model…), then build again: this tab is rewritten each time.',
  ),
  [
    'Inputs / resources',
    'Activities',
    'Outputs',
    'Short-term outcomes',
    'Medium-term outcomes',
    'Long-term outcomes',
    'Impact',
  ],
  ...para(G1, 'goal'),
  ...para(
    'Problem statement: Only 41% of third graders read at grade level (Spring 2026 reading screener); Many homes have few children’s books (Parent survey 2026: 58% own fewer than 10). (from the needs linked to this goal)',
  ),
  ...para(
    'Assumptions: Children who are tutored twice a week through a whole school year catch up.',
  ),
  ...para('External factors: A new state reading test in 2028.'),
  [
    'Riverside Public Library: Reading room and children’s librarians after school',
    'After-school tutoring (State University Tutoring Corps)',
    '60 students tutored twice a week',
    'Struggling readers attend tutoring twice a week',
    'More third graders read at grade level',
    'Grade 3 reading matches the state average',
    'Riverside children grow up as confident readers who finish school.',
  ],
  [
    'State University Tutoring Corps: 40 trained undergraduate tutors each semester',
    'Tutor training (State University Tutoring Corps)',
    '24 tutors trained',
  ],
  [
    'Riverside YMCA: Gym and classrooms for summer camps',
    'Family literacy nights (Riverside Public Library)',
    '6 evenings, 150 families',
  ],
  [
    'Main Street Business Alliance: Member businesses donate books and snacks',
    'Summer reading camp (Riverside YMCA)',
    '40 campers for 4 weeks',
  ],
  [
    'Riverside Elementary School',
    'Reading data review with teachers (Riverside Elementary School)',
    '3 data reviews a year',
  ],
  ['Riverside Parent Association'],
  ['Title I family-engagement funds'],
  ['Donated books'],
  ['Term', 'Outcome', 'Indicator', 'Baseline', 'Target', 'Target date', 'Measured by'],
  [
    'Short term',
    'Struggling readers attend tutoring twice a week',
    'Share of referred K–3 students at two sessions a week',
    '0%',
    '80%',
    '2027-12-17',
    'State University Tutoring Corps',
  ],
  [
    'Medium term',
    'More third graders read at grade level',
    'Grade 3 students at benchmark on the spring screener',
    '41%',
    '60%',
    '2028-06-15',
    'Riverside Elementary School',
  ],
  [
    'Long term',
    'Grade 3 reading matches the state average',
    'Grade 3 proficiency on the state reading test',
    '38%',
    '52%',
    '2030-06-30',
    'Riverside Elementary School',
  ],
  [],
  ...para(G2, 'goal'),
  ...para(
    'Problem statement: Families do not know which health and food services they can use (Focus groups with 32 parents); Working parents cannot come to daytime school events (Parent survey 2026). (from the needs linked to this goal)',
  ),
  ...para(
    'Assumptions: Families come when events are held in the evening, with food and childcare.',
  ),
  ...para('External factors: None written yet.'),
  [
    'Northside Food Bank: Weekend food backpacks for 200 children',
    'Back-to-school family fair (Riverside Parent Association)',
    '1 fair, 300 visitors',
    'Parents take part in school events',
    'Families use the health and food services they need',
    '',
    'Families and the school work together on every child’s learning.',
  ],
  ['Eastside Community Health Clinic: Bilingual community health workers'],
  ['Riverside Parent Association'],
  ['Main Street Business Alliance'],
  ['Term', 'Outcome', 'Indicator', 'Baseline', 'Target', 'Target date', 'Measured by'],
  [
    'Short term',
    'Parents take part in school events',
    'Families at one event or more a term',
    '120',
    '250',
    '',
    'Riverside Parent Association',
  ],
  [
    'Medium term',
    'Families use the health and food services they need',
    'Referrals completed through the family resource desk',
    '',
    '150',
    '2028-06-30',
    'Eastside Community Health Clinic',
  ],
  [],
  ...para('Check report: 4 things to fix and 1 suggestion.', 'checkTitle'),
  ...para('Calendar row 8 (A7) is linked to no goal or outcome, so it is not in the logic model.'),
  ['Check', 'Tab', 'Row', 'What to fix'],
  ...fix(
    'Outcome no activity serves',
    'Outcomes',
    6,
    'Outcome O5 “Families use the health and food services they need” has no activity: link a Calendar activity to it (Linked outcome) or add one.',
  ),
  ...fix(
    'Draft, not yet tied to an outcome (a suggestion)',
    'Calendar',
    5,
    'Draft “Summer reading camp” serves goal G1; when you plan it, pick the outcome it serves in Linked outcome.',
  ),
  ...fix(
    'Indicator not measurable',
    'Outcomes',
    5,
    'Outcome O4 “Parents take part in school events” is not measurable yet: no target date.',
  ),
  ...fix(
    'Indicator not measurable',
    'Outcomes',
    6,
    'Outcome O5 “Families use the health and food services they need” is not measurable yet: no baseline.',
  ),
  ...fix(
    'Input no activity uses',
    'Assessments',
    5,
    'Main Street Business Alliance brings “Member businesses donate books and snacks” to goal G1, but leads or joins none of its activities: add them to an activity, or unlink the asset.',
  ),
];

export const padRow = (row: unknown[], width = 7) => [
  ...row,
  ...new Array(width - row.length).fill(''),
];
