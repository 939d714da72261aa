// The example partnership the preview starts on: a school-community partnership, written from seeds/.

export const EXAMPLE_PARTNERSHIP = {
  name: 'Riverside Community Schools Partnership',
  purpose:
    'Riverside Elementary and its community partners work together so that every child reads at grade level and every family is connected to the school.',
  coordinator: 'Maya Lopez',
  coordinatorEmail: 'maya.lopez@riverside.example.org',
  timeZone: 'America/New_York',
} as const;

/** What set-up's sidebar is given: the directory part of each partner. */
export const EXAMPLE_PARTNERS = [
  {
    organisation: 'Riverside Elementary School',
    type: 'School',
    contact: 'Maya Lopez',
    email: 'maya.lopez@riverside.example.org',
    role: 'Lead',
    invite: true,
  },
  {
    organisation: 'Riverside Public Library',
    type: 'Community organisation',
    contact: 'Ana Ruiz',
    email: 'aruiz@rpl.example.org',
    role: 'Core partner',
    invite: true,
  },
  {
    organisation: 'Eastside Community Health Clinic',
    type: 'Health provider',
    contact: 'Dr. Samuel Okafor',
    email: 'sokafor@eastsidehealth.example.org',
    role: 'Supporting partner',
    invite: true,
  },
  {
    organisation: 'State University Reading Corps',
    type: 'Higher education',
    contact: 'Lee Park',
    email: 'lpark@stateu.example.edu',
    role: 'Core partner',
    invite: true,
  },
  {
    organisation: 'Riverside Parent-Teacher Association',
    type: 'Parent or family group',
    contact: 'Rosa Diaz',
    email: 'pta@riverside.example.org',
    role: 'Core partner',
    invite: true,
  },
  {
    organisation: 'Riverside Community Food Bank',
    type: 'Nonprofit',
    contact: 'Tom Hale',
    email: 'thale@rcfb.example.org',
    role: 'Supporting partner',
    invite: false,
  },
  {
    organisation: 'Riverside Family YMCA',
    type: 'Nonprofit',
    contact: 'Jo Kim',
    email: 'jkim@rymca.example.org',
    role: 'Supporting partner',
    invite: true,
  },
  {
    organisation: 'Corner Books & Café',
    type: 'Business',
    contact: 'Priya Shah',
    email: 'priya@cornerbooks.example.com',
    role: 'Funder',
    invite: false,
  },
  {
    organisation: 'Riverside Unified School District',
    type: 'School district',
    contact: 'Dr. Alan Brooks',
    email: 'abrooks@rusd.example.org',
    role: 'Advisor',
    invite: false,
  },
] as const;

/** The agreement each partner signed, as the coordinator types it on the Partners tab. */
export const EXAMPLE_AGREEMENTS: Record<string, Record<string, string>> = {
  'Riverside Elementary School': {
    'MOU status': 'Signed',
    'Agreement start': '2026-08-15',
    'Agreement end': '2028-06-30',
    Responsibilities:
      'Hosts the partnership, shares reading data each term, releases teachers for joint planning.',
    'In-kind contribution': 'Classrooms and library after school, coordinator’s time (0.5 FTE).',
    'In-kind value': '28000',
  },
  'Riverside Public Library': {
    'MOU status': 'Signed',
    'Agreement start': '2026-09-01',
    'Agreement end': '2027-04-15',
    Responsibilities:
      'Runs family literacy nights, library card sign-ups and the summer reading challenge.',
    'In-kind contribution': 'Children’s librarian 4 h/week, meeting room, 600 books.',
    'In-kind value': '9500',
  },
  'Eastside Community Health Clinic': {
    'MOU status': 'Under review',
    Responsibilities:
      'Vision and hearing screenings for K–2; referrals for families who need care.',
    'In-kind contribution': 'Two screening days per year, nurse time.',
    'In-kind value': '4200',
  },
  'State University Reading Corps': {
    'MOU status': 'Signed',
    'Agreement start': '2026-09-01',
    'Agreement end': '2027-06-30',
    Responsibilities:
      'Trains and places 12 tutors (education students) for small-group reading, twice a week.',
    'In-kind contribution': 'Tutor hours, training, supervision by faculty.',
    'In-kind value': '36000',
  },
  'Riverside Parent-Teacher Association': {
    'MOU status': 'Signed',
    'Agreement start': '2026-09-01',
    'Agreement end': '2027-08-31',
    Responsibilities:
      'Recruits parent volunteers, translates flyers (Spanish, Vietnamese), hosts the welcome coffee.',
    'In-kind contribution': 'Volunteer hours, translation.',
    'In-kind value': '3000',
  },
  'Riverside Community Food Bank': {
    'MOU status': 'Drafting',
    Responsibilities:
      'Weekend food backpacks for families who ask; a pantry table at family nights.',
    'In-kind contribution': 'Food for 60 backpacks a week.',
    'In-kind value': '15600',
  },
  'Riverside Family YMCA': {
    'MOU status': 'Signed',
    'Agreement start': '2026-09-01',
    'Agreement end': '2027-06-30',
    Responsibilities:
      'After-school homework club with a 20-minute reading block; transport to the library.',
    'In-kind contribution': 'Gym and homework room, a minibus twice a month.',
    'In-kind value': '7800',
  },
  'Corner Books & Café': {
    'MOU status': 'Not started',
    Responsibilities: 'Sponsors a book for every child at the spring reading celebration.',
    'In-kind contribution': '350 books at cost, café space for the parent book club.',
    'In-kind value': '2500',
  },
  'Riverside Unified School District': {
    'MOU status': 'Signed',
    'Agreement start': '2026-07-01',
    'Agreement end': '2029-06-30',
    Responsibilities:
      'Data-sharing agreement, reading assessments (fall, winter, spring), policy advice.',
  },
};

/** The eight steps, as the coordinator fills them in (Partnership tab). */
export const EXAMPLE_STEPS: Record<string, Record<string, string>> = {
  'Preliminary work': {
    Status: 'Done',
    Owner: 'Riverside Elementary School',
    'Concrete actions':
      'Principal and coordinator agreed the school’s priorities: early literacy and family engagement.',
    'Potential obstacles': 'Priorities too broad for partners to see where they fit.',
  },
  'Getting to know each other': {
    Status: 'Done',
    Owner: 'Riverside Elementary School',
    'Concrete actions':
      'One-to-one meetings with each partner; tour of the school; partner profiles collected.',
    'Potential obstacles':
      'Partners’ staff turnover: the first contact is not always the right person.',
  },
  'Find common ground': {
    Status: 'Done',
    Owner: 'Riverside Public Library',
    'Concrete actions':
      'Workshop to agree shared goals and outcomes; everyone maps what they already do for reading.',
    'Potential obstacles': 'Different vocabularies (outcomes vs outputs); one partner dominating.',
  },
  'Define scope and team': {
    Status: 'In progress',
    Owner: 'Riverside Elementary School',
    'Due date': '2027-03-31',
    'Concrete actions':
      'Name a lead per goal; sign MOUs with roles, data sharing and in-kind contributions.',
    'Potential obstacles': 'MOUs waiting on legal review at the clinic and the food bank.',
  },
  'Executive plan': {
    Status: 'In progress',
    Owner: 'State University Reading Corps',
    'Due date': '2027-04-15',
    'Concrete actions':
      'Calendar of activities with owners and dates; logic model linking activities to outcomes.',
    'Potential obstacles': 'Exam periods limit tutors in May.',
  },
  Communicate: {
    Status: 'Not started',
    Owner: 'Riverside Parent-Teacher Association',
    'Due date': '2027-05-01',
    'Concrete actions':
      'Monthly newsletter in three languages; partners’ logos on the school site.',
    'Potential obstacles': 'Reaching families who do not read email.',
  },
  Evaluate: {
    Status: 'Not started',
    Owner: 'Riverside Unified School District',
    'Due date': '2027-06-30',
    'Concrete actions':
      'Compare spring reading scores with the baseline; partner survey on how the partnership works.',
    'Potential obstacles': 'Data-sharing consent forms returned late.',
  },
  'Improve and develop': {
    Status: 'Not started',
    Owner: 'Riverside Elementary School',
    'Due date': '2027-08-15',
    'Concrete actions': 'Summer retreat: keep, change or stop each activity; renew agreements.',
    'Potential obstacles': 'Funding for year two not yet secured.',
  },
};

export const EXAMPLE_GOALS: ReadonlyArray<Record<string, string>> = [
  {
    Goal: 'Every child reads at grade level by the end of grade 3',
    Priority: 'High',
    'Problem statement':
      'Only 48% of grade 3 students read at grade level (district assessment, spring 2026).',
    Impact: 'Children who read well by grade 3 stay on track to graduate.',
    'Owner partner': 'Riverside Elementary School',
    Status: 'On track',
  },
  {
    Goal: 'Families are connected to the school and to each other',
    Priority: 'High',
    'Problem statement':
      'Attendance at family events is under 20%; many families do not know the services nearby.',
    Impact: 'Families act as partners in their children’s learning.',
    'Owner partner': 'Riverside Parent-Teacher Association',
    Status: 'At risk',
  },
  {
    Goal: 'Children come to school healthy and ready to learn',
    Priority: 'Medium',
    'Problem statement':
      'Untreated vision problems and weekend hunger keep children from learning.',
    Impact: 'Fewer days lost to health and hunger.',
    'Owner partner': 'Eastside Community Health Clinic',
    Status: 'Not started',
  },
];

/** Outcomes by goal (0-based index into EXAMPLE_GOALS). */
export const EXAMPLE_OUTCOMES: ReadonlyArray<{ goal: number; cells: Record<string, string> }> = [
  {
    goal: 0,
    cells: {
      Term: 'Short term',
      Outcome: 'Tutored students gain reading fluency',
      Indicator: 'Words correct per minute (grade 2–3)',
      Baseline: '62',
      Target: '85',
      'Target date': '2027-06-15',
      'Owner partner': 'State University Reading Corps',
      Status: 'On track',
    },
  },
  {
    goal: 0,
    cells: {
      Term: 'Medium term',
      Outcome: 'More grade 3 students read at grade level',
      Indicator: '% at grade level, spring assessment',
      Baseline: '48%',
      Target: '60%',
      'Target date': '2028-06-15',
      'Owner partner': 'Riverside Unified School District',
      Status: 'Not started',
    },
  },
  {
    goal: 0,
    cells: {
      Term: 'Long term',
      Outcome: 'Reading gap between groups closes',
      Indicator: 'Gap in % at grade level (English learners vs all)',
      Baseline: '22 pts',
      Target: '10 pts',
      'Target date': '2029-06-15',
      'Owner partner': 'Riverside Unified School District',
      Status: 'Not started',
    },
  },
  {
    goal: 1,
    cells: {
      Term: 'Short term',
      Outcome: 'More families attend family literacy nights',
      Indicator: 'Families per night',
      Baseline: '15',
      Target: '40',
      'Target date': '2027-05-31',
      'Owner partner': 'Riverside Public Library',
      Status: 'At risk',
    },
  },
  {
    goal: 1,
    cells: {
      Term: 'Short term',
      Outcome: 'Every family has a library card',
      Indicator: '% of families with a card',
      Baseline: '35%',
      Target: '80%',
      'Target date': '2027-06-30',
      'Owner partner': 'Riverside Public Library',
      Status: 'On track',
    },
  },
  {
    goal: 1,
    cells: {
      Term: 'Medium term',
      Outcome: 'Parents volunteer in classrooms',
      Indicator: 'Parent volunteer hours per month',
      Baseline: '20',
      Target: '80',
      'Target date': '2028-05-31',
      'Owner partner': 'Riverside Parent-Teacher Association',
      Status: 'Not started',
    },
  },
  {
    goal: 2,
    cells: {
      Term: 'Short term',
      Outcome: 'All K–2 students screened for vision and hearing',
      Indicator: '% of K–2 students screened',
      Baseline: '40%',
      Target: '95%',
      'Target date': '2027-04-30',
      'Owner partner': 'Eastside Community Health Clinic',
      Status: 'Not started',
    },
  },
  {
    goal: 2,
    cells: {
      Term: 'Medium term',
      Outcome: 'Fewer children hungry on Monday mornings',
      Indicator: 'Families receiving weekend backpacks',
      Baseline: '0',
      Target: '60',
      'Target date': '2027-12-31',
      'Owner partner': 'Riverside Community Food Bank',
      Status: 'Not started',
    },
  },
];
