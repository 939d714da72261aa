// The example partnership's partners, goals and 65 assessment findings (step 2 and 3 of a shared work plan).
import { EXAMPLE_GOALS as LOGIC_MODEL_GOALS } from './logicModel';

/** The partners are the example's (emulator/example/logicModel.ts); the findings name them. */
export { EXAMPLE_PARTNERS } from './logicModel';

/** The example's goals, and a third one for the health findings (the asset map's example only). */
export const EXAMPLE_GOALS: ReadonlyArray<{ id: string; goal: string; priority: string }> = [
  ...LOGIC_MODEL_GOALS.map((g) => ({ id: g.id, goal: g.goal, priority: g.priority })),
  { id: 'G3', goal: 'Children come to school healthy and ready to learn', priority: 'Medium' },
];

const goalLabel = (id: string) => {
  const goal = EXAMPLE_GOALS.find((g) => g.id === id);
  if (!goal) throw new Error(`No example goal ${id}`);
  return `${goal.id} · ${goal.goal}`;
};

/** A finding as the sidebar sends it, with its goal written as the Assessments tab shows it. */
export interface ExampleFinding {
  source: 'Organisational' | 'Community';
  /** The organisation's name (organisational findings), or who gathered it (community). */
  partner: string;
  kind: 'Asset' | 'Need';
  category: string;
  description: string;
  evidence: string;
  dataSource: string;
  population: string;
  priority: string;
  goal: string;
}

/** The partners' names, as the findings (and the tests' expectations) spell them. */
export const RES = 'Riverside Elementary School';
export const LIB = 'Riverside Public Library';
export const CLINIC = 'Eastside Community Health Clinic';
export const TUTORS = 'State University Tutoring Corps';
export const PARENTS = 'Riverside Parent Association';
export const FOOD_BANK = 'Northside Food Bank';
export const YMCA = 'Riverside YMCA';
export const BUSINESS = 'Main Street Business Alliance';

const G1 = goalLabel('G1');
const G2 = goalLabel('G2');
const G3 = goalLabel('G3');

type Details = Partial<Pick<ExampleFinding, 'evidence' | 'priority' | 'goal'>>;

const org = (
  partner: string,
  kind: ExampleFinding['kind'],
  category: string,
  description: string,
  details: Details = {},
): ExampleFinding => ({
  source: 'Organisational',
  partner,
  kind,
  category,
  description,
  evidence: details.evidence ?? '',
  dataSource: 'Self-assessment',
  population: '',
  priority: details.priority ?? '',
  goal: details.goal ?? '',
});

const community = (
  gatheredBy: string,
  kind: ExampleFinding['kind'],
  category: string,
  description: string,
  dataSource: ExampleFinding['dataSource'],
  population: string,
  details: Details = {},
): ExampleFinding => ({
  ...org(gatheredBy, kind, category, description, details),
  source: 'Community',
  dataSource,
  population,
});

/** In sheet order: IDs F1… follow this order. */
export const EXAMPLE_FINDINGS: readonly ExampleFinding[] = [
  // Riverside Elementary School
  org(RES, 'Asset', 'Physical space', 'Cafeteria and four classrooms free after 5 pm on weekdays', {
    evidence: 'Facilities calendar 2026–27',
  }),
  org(
    RES,
    'Asset',
    'Data and evaluation',
    'Reading benchmark scores for every K–3 student three times a year',
    {
      evidence: 'DIBELS in September, January and May',
    },
  ),
  org(
    RES,
    'Asset',
    'Communications',
    'Weekly newsletter and ParentSquare messages reach 450 families',
  ),
  org(
    RES,
    'Need',
    'People and skills',
    'Not enough adults to give struggling readers one-to-one reading time',
    {
      priority: 'High',
      goal: G1,
      evidence: '62 K–2 students flagged for intervention; 2 reading specialists',
    },
  ),
  org(RES, 'Need', 'Physical space', 'No room for a family resource centre', {
    priority: 'Medium',
    goal: G2,
  }),
  org(RES, 'Need', 'Economy and funding', 'Title I funds do not cover a summer reading program', {
    priority: 'High',
    goal: G1,
  }),
  org(RES, 'Need', 'Staffing', 'No staff to supervise an after-school reading club', {
    priority: 'High',
    goal: G1,
  }),
  org(RES, 'Need', 'Expertise', 'Teachers need training in trauma-informed practice', {
    priority: 'High',
    goal: G3,
  }),
  org(RES, 'Need', 'Data and evaluation', 'Cannot link tutoring attendance with reading scores', {
    priority: 'High',
    goal: G1,
  }),
  org(RES, 'Need', 'Relationships', 'Low trust with newly arrived immigrant families', {
    priority: 'High',
    goal: G2,
    evidence: 'Only 3 of 40 newcomer families came to conferences',
  }),
  org(RES, 'Need', 'Institutions', 'No dental provider for on-site screenings', {
    priority: 'Medium',
    goal: G3,
  }),
  // Riverside Public Library
  org(LIB, 'Asset', 'Physical space', 'Two community rooms free on weekday evenings'),
  org(LIB, 'Asset', 'Expertise', 'Children’s librarians who run family literacy workshops'),
  org(LIB, 'Need', 'Communications', 'Summer reading program is poorly advertised to families', {
    priority: 'Medium',
    goal: G1,
  }),
  org(LIB, 'Need', 'Volunteers', 'Needs volunteers for after-school homework help', {
    priority: 'Medium',
    goal: G1,
  }),
  org(LIB, 'Asset', 'Communications', 'Monthly events calendar mailed to 2,000 households'),
  // Eastside Community Health Clinic
  org(
    CLINIC,
    'Asset',
    'Expertise',
    'Nurses and health educators who can train staff on asthma, allergies and trauma',
  ),
  org(
    CLINIC,
    'Asset',
    'Relationships',
    'Community health workers trusted by Somali and Latino families',
  ),
  org(CLINIC, 'Need', 'Communications', 'Families do not know about free clinic hours', {
    priority: 'High',
    goal: G3,
  }),
  org(
    CLINIC,
    'Need',
    'Associations and networks',
    'Few connections to parent groups for health outreach',
    {
      priority: 'Medium',
      goal: G3,
    },
  ),
  org(CLINIC, 'Need', 'Staffing', 'No bilingual staff for school-based health visits', {
    priority: 'Medium',
    goal: G3,
  }),
  // State University Tutoring Corps
  org(
    TUTORS,
    'Asset',
    'People and skills',
    'Undergraduate tutors trained in phonics-based reading support',
  ),
  org(TUTORS, 'Asset', 'Expertise', 'Education faculty specialising in early literacy'),
  org(
    TUTORS,
    'Asset',
    'Data and evaluation',
    'Evaluation faculty and graduate students who design surveys and analyse outcomes',
  ),
  org(
    TUTORS,
    'Asset',
    'Volunteers',
    '40 work-study students available as volunteers each semester',
  ),
  org(TUTORS, 'Need', 'Physical space', 'No quiet space near the school for tutoring sessions', {
    priority: 'High',
    goal: G1,
  }),
  org(
    TUTORS,
    'Need',
    'Relationships',
    'Tutors are new to the neighbourhood and unknown to families',
    {
      priority: 'Low',
      goal: G2,
    },
  ),
  org(
    TUTORS,
    'Need',
    'Data and evaluation',
    'Needs anonymised reading scores to track tutoring impact',
    {
      priority: 'Medium',
      goal: G1,
    },
  ),
  // Riverside Parent Association
  org(
    PARENTS,
    'Asset',
    'People and skills',
    'Bilingual parents (Spanish, Somali) willing to interpret at meetings',
  ),
  org(
    PARENTS,
    'Asset',
    'Associations and networks',
    'Parent network of 300 families in class WhatsApp groups',
  ),
  org(PARENTS, 'Asset', 'Volunteers', 'Parent volunteers for school events and food distributions'),
  org(PARENTS, 'Need', 'Economy and funding', 'No budget for childcare at parent meetings', {
    priority: 'Medium',
    goal: G2,
  }),
  org(PARENTS, 'Need', 'Expertise', 'Parents want to learn how to help with reading at home', {
    priority: 'Medium',
    goal: G1,
  }),
  // Northside Food Bank
  org(FOOD_BANK, 'Asset', 'Relationships', 'Relationships with 600 families who use the pantry'),
  org(FOOD_BANK, 'Asset', 'Economy and funding', 'Donated groceries and snacks for family events'),
  org(
    FOOD_BANK,
    'Need',
    'People and skills',
    'Needs Somali and Spanish speakers at distribution days',
    {
      priority: 'Medium',
      goal: G2,
    },
  ),
  org(FOOD_BANK, 'Need', 'Physical space', 'Needs a second distribution site on the east side', {
    priority: 'Medium',
    goal: G3,
  }),
  org(
    FOOD_BANK,
    'Need',
    'Staffing',
    'Only one staff member: cannot run a weekend backpack program',
    {
      priority: 'Medium',
      goal: G3,
    },
  ),
  org(FOOD_BANK, 'Need', 'Volunteers', 'Needs 15 volunteers for Saturday distributions', {
    priority: 'High',
    goal: G3,
  }),
  org(
    FOOD_BANK,
    'Need',
    'Data and evaluation',
    'Records of which families use the pantry are on paper',
    {
      priority: 'Low',
    },
  ),
  // Riverside YMCA
  org(YMCA, 'Asset', 'Physical space', 'Gym and pool available on Saturday mornings'),
  org(YMCA, 'Asset', 'Staffing', 'Licensed after-school staff on site until 6 pm'),
  org(
    YMCA,
    'Need',
    'Economy and funding',
    'Scholarships for after-school fees run out each October',
    {
      priority: 'High',
      goal: G2,
    },
  ),
  org(YMCA, 'Need', 'Expertise', 'After-school staff lack training in reading support', {
    priority: 'Medium',
    goal: G1,
  }),
  org(YMCA, 'Need', 'Data and evaluation', 'No way to measure program outcomes for funders', {
    priority: 'Medium',
  }),
  org(YMCA, 'Need', 'Volunteers', 'Needs volunteer coaches for youth sports', { priority: 'Low' }),
  org(YMCA, 'Need', 'Staffing', 'High turnover of front-desk staff', { priority: 'Low' }),
  org(
    YMCA,
    'Need',
    'Culture',
    'No programs that reflect the neighbourhood’s Somali and Latino cultures',
    {
      priority: 'Low',
      goal: G2,
    },
  ),
  // Main Street Business Alliance
  org(
    BUSINESS,
    'Asset',
    'Economy and funding',
    'Members sponsor school events (about $8,000 a year)',
  ),
  org(BUSINESS, 'Asset', 'Associations and networks', 'Network of 45 Main Street businesses'),
  org(
    BUSINESS,
    'Asset',
    'Communications',
    'Shop-window posters and social media with 5,000 followers',
  ),
  org(BUSINESS, 'Need', 'Institutions', 'No link to the community college for youth job training', {
    priority: 'Low',
  }),
  org(BUSINESS, 'Need', 'People and skills', 'Members want bilingual summer interns', {
    priority: 'Low',
  }),
  // Community assessment
  community(
    RES,
    'Need',
    'People and skills',
    'Half of K–2 students read below grade level',
    'Public data',
    'K–2 students',
    {
      priority: 'High',
      goal: G1,
      evidence: 'State reading test 2026: 48% at benchmark',
    },
  ),
  community(
    LIB,
    'Need',
    'Physical space',
    'Families without cars cannot reach evening events',
    'Focus group',
    'Families without a car',
    {
      priority: 'High',
      goal: G2,
    },
  ),
  community(
    PARENTS,
    'Need',
    'Culture',
    'Immigrant families feel school events do not reflect their languages and traditions',
    'Focus group',
    'Recently arrived families',
    { priority: 'High', goal: G2 },
  ),
  community(
    RES,
    'Need',
    'Relationships',
    'A third of parents do not know whom to ask at school',
    'Survey',
    'Parents of Riverside students',
    {
      priority: 'Medium',
      goal: G2,
      evidence: 'Family survey, 212 responses',
    },
  ),
  community(
    PARENTS,
    'Asset',
    'Culture',
    'Somali and Mexican community associations hold yearly festivals',
    'Interview',
    'Eastside residents',
  ),
  community(
    LIB,
    'Asset',
    'Culture',
    'An oral-history project records elders’ stories in three languages',
    'Observation',
    'Elders',
  ),
  community(
    CLINIC,
    'Asset',
    'Institutions',
    'Three congregations and a mosque run weekend youth programs',
    'Interview',
    'Eastside youth',
  ),
  community(
    CLINIC,
    'Need',
    'Expertise',
    'Families report 3-month waits for children’s mental health care',
    'Survey',
    'Families with children',
    {
      priority: 'High',
      goal: G3,
    },
  ),
  community(
    FOOD_BANK,
    'Need',
    'Economy and funding',
    'Many households cannot afford after-school fees',
    'Public data',
    'Households in the Eastside tract',
    { priority: 'Medium', goal: G2, evidence: '38% of households below the poverty line' },
  ),
  community(
    PARENTS,
    'Asset',
    'Associations and networks',
    'A parent-run soccer league for 200 children',
    'Interview',
    'Eastside children',
  ),
  community(
    FOOD_BANK,
    'Need',
    'Communications',
    'Families miss school messages that are only in English',
    'Survey',
    'Spanish- and Somali-speaking families',
    {
      priority: 'High',
      goal: G2,
    },
  ),
  community(
    RES,
    'Need',
    'Staffing',
    'One school counsellor for 650 students',
    'Public data',
    'Riverside students',
    {
      priority: 'Medium',
      goal: G3,
    },
  ),
];
