// The example partnership the preview starts on: a school-community partnership, written from docs/partnership-practice.md.

export const EXAMPLE_PARTNERSHIP = {
  name: 'Riverside Community Schools Partnership',
  purpose:
    'Riverside Elementary and its community partners work together so that every child reads at grade level and every family is connected to the school.',
  coordinator: 'Maya Lopez',
  coordinatorEmail: 'maya.lopez@riverside.example.org',
  timeZone: 'America/New_York',
} as const;

/**
 * What set-up's sidebar adds to the partners of the logic-model example (logicModel.ts owns their
 * names, types and roles, P1–P8): who to call, their email, calendar invitations. The district
 * office joins as P9.
 */
export const EXAMPLE_CONTACTS: Record<string, { contact: string; email: string; invite: boolean }> =
  {
    'Riverside Elementary School': {
      contact: 'Maya Lopez',
      email: 'maya.lopez@riverside.example.org',
      invite: true,
    },
    'Riverside Public Library': {
      contact: 'Ana Ruiz',
      email: 'aruiz@rpl.example.org',
      invite: true,
    },
    'Eastside Community Health Clinic': {
      contact: 'Dr. Samuel Okafor',
      email: 'sokafor@eastsidehealth.example.org',
      invite: true,
    },
    'State University Tutoring Corps': {
      contact: 'Lee Park',
      email: 'lpark@stateu.example.edu',
      invite: true,
    },
    'Riverside Parent Association': {
      contact: 'Rosa Diaz',
      email: 'pta@riverside.example.org',
      invite: true,
    },
    'Northside Food Bank': {
      contact: 'Tom Hale',
      email: 'thale@northsidefood.example.org',
      invite: false,
    },
    'Riverside YMCA': { contact: 'Jo Kim', email: 'jkim@rymca.example.org', invite: true },
    'Main Street Business Alliance': {
      contact: 'Priya Shah',
      email: 'priya@mainstreet.example.com',
      invite: false,
    },
  };

export const EXAMPLE_DISTRICT = {
  organisation: 'Riverside Unified School District',
  type: 'School district',
  contact: 'Dr. Alan Brooks',
  email: 'abrooks@rusd.example.org',
  role: 'Advisor',
  invite: false,
} as const;

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
  'State University Tutoring Corps': {
    'MOU status': 'Signed',
    'Agreement start': '2026-09-01',
    'Agreement end': '2027-06-30',
    Responsibilities:
      'Trains and places 12 tutors (education students) for small-group reading, twice a week.',
    'In-kind contribution': 'Tutor hours, training, supervision by faculty.',
    'In-kind value': '36000',
  },
  'Riverside Parent Association': {
    'MOU status': 'Signed',
    'Agreement start': '2026-09-01',
    'Agreement end': '2027-08-31',
    Responsibilities:
      'Recruits parent volunteers, translates flyers (Spanish, Vietnamese), hosts the welcome coffee.',
    'In-kind contribution': 'Volunteer hours, translation.',
    'In-kind value': '3000',
  },
  'Northside Food Bank': {
    'MOU status': 'Drafting',
    Responsibilities:
      'Weekend food backpacks for families who ask; a pantry table at family nights.',
    'In-kind contribution': 'Food for 60 backpacks a week.',
    'In-kind value': '15600',
  },
  'Riverside YMCA': {
    'MOU status': 'Signed',
    'Agreement start': '2026-09-01',
    'Agreement end': '2027-06-30',
    Responsibilities:
      'After-school homework club with a 20-minute reading block; transport to the library.',
    'In-kind contribution': 'Gym and homework room, a minibus twice a month.',
    'In-kind value': '7800',
  },
  'Main Street Business Alliance': {
    'MOU status': 'Not started',
    Responsibilities:
      'Local shops sponsor a book for every child at the spring reading celebration.',
    'In-kind contribution': '350 books at cost, a café for the parent book club.',
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
    Owner: 'State University Tutoring Corps',
    'Due date': '2027-04-15',
    'Concrete actions':
      'Calendar of activities with owners and dates; logic model linking activities to outcomes.',
    'Potential obstacles': 'Exam periods limit tutors in May.',
  },
  Communicate: {
    Status: 'Not started',
    Owner: 'Riverside Parent Association',
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

/**
 * The third goal, added after the logic-model example's two (G1, G2), with its outcomes: set-up's
 * repair gives them G3 and O6–O8.
 */
export const EXAMPLE_EXTRA_GOAL: Record<string, string> = {
  goal: 'Children come to school healthy and ready to learn',
  priority: 'Medium',
  problem: 'Untreated vision problems and weekend hunger keep children from learning.',
  impact: 'Fewer days lost to health and hunger.',
  owner: 'Eastside Community Health Clinic',
  status: 'Not started',
};

export const EXAMPLE_EXTRA_OUTCOMES: ReadonlyArray<Record<string, string>> = [
  {
    term: 'Short term',
    outcome: 'All K–2 students screened for vision and hearing',
    indicator: '% of K–2 students screened',
    baseline: '40%',
    target: '95%',
    targetDate: '2027-04-30',
    owner: 'Eastside Community Health Clinic',
    status: 'Not started',
  },
  {
    term: 'Medium term',
    outcome: 'Fewer children hungry on Monday mornings',
    indicator: 'Families receiving weekend backpacks',
    baseline: '0',
    target: '60',
    targetDate: '2027-12-31',
    owner: 'Northside Food Bank',
    status: 'Not started',
  },
  {
    term: 'Long term',
    outcome: 'Fewer school days missed for health reasons',
    indicator: 'Days absent for health reasons per child',
    baseline: '4.1',
    target: '2.5',
    targetDate: '2029-06-30',
    owner: 'Eastside Community Health Clinic',
    status: 'Not started',
  },
];
