// The default asset/need taxonomy: community assets (ABCD) and organisational capacity, in one list (docs/categories.md).

export const CATEGORY_KINDS = ['Community asset', 'Organisational capacity', 'Both'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

export interface CategoryDef {
  name: string;
  kind: CategoryKind;
  description: string;
  /**
   * Words people type for this category (other taxonomies' names, e.g. "Facilities"). They are
   * never accepted silently — findings are matched by category, so a guess could pair the wrong
   * things — but the asset map suggests this category when a finding uses one of them.
   */
  aliases?: readonly string[];
}

/**
 * Community assets follow asset-based community development's six asset types (people,
 * associations, institutions, physical space, economy, culture); organisational capacity follows
 * the usual capacity-assessment areas. Where the two lists name the same thing it appears once, so
 * that a partner's need can be met by a community's asset and vice versa: "funding" is folded into
 * "Economy and funding" and "facilities" into "Physical space".
 */
export const DEFAULT_CATEGORIES: readonly CategoryDef[] = [
  {
    name: 'People and skills',
    kind: 'Both',
    description:
      'What individuals can give: gifts, skills, languages, time. Bilingual parents, retired teachers, tutors.',
    aliases: ['People', 'Skills', 'Individuals', 'Talents', 'Languages', 'Human capital'],
  },
  {
    name: 'Associations and networks',
    kind: 'Community asset',
    description:
      'Groups people belong to and reach through: parent groups, clubs, congregations, coalitions, business networks.',
    aliases: ['Associations', 'Networks', 'Groups', 'Clubs', 'Coalitions'],
  },
  {
    name: 'Institutions',
    kind: 'Community asset',
    description:
      'Organisations with a mandate and a budget: schools, libraries, clinics, colleges, agencies, employers.',
    aliases: ['Institution', 'Agencies', 'Organisations', 'Organizations'],
  },
  {
    name: 'Physical space',
    kind: 'Both',
    description:
      'Places and things to use: rooms, gyms, kitchens, parks, gardens, storage, vehicles and transport. Includes an organisation’s facilities.',
    aliases: [
      'Facilities',
      'Facility',
      'Space',
      'Rooms',
      'Buildings',
      'Transport',
      'Transportation',
    ],
  },
  {
    name: 'Economy and funding',
    kind: 'Both',
    description:
      'Money and what money buys: grants, donors, sponsorships, budgets, local businesses’ purchasing power, in-kind donations.',
    aliases: ['Funding', 'Money', 'Economy', 'Finance', 'Budget', 'Grants', 'Donations'],
  },
  {
    name: 'Culture',
    kind: 'Community asset',
    description:
      'Traditions, languages, stories, faith, arts and the community’s identity; events that celebrate them.',
    aliases: ['Cultural', 'Arts', 'Heritage', 'Traditions'],
  },
  {
    name: 'Staffing',
    kind: 'Organisational capacity',
    description:
      'Paid staff and their time: coordinators, teachers, case managers, supervisors, hours that can be assigned.',
    aliases: ['Staff', 'Personnel', 'Human resources', 'HR'],
  },
  {
    name: 'Expertise',
    kind: 'Organisational capacity',
    description:
      'Specialist knowledge an organisation can teach or lend: literacy instruction, health, mental health, family engagement, law.',
    aliases: ['Knowledge', 'Training', 'Professional development', 'Know-how'],
  },
  {
    name: 'Data and evaluation',
    kind: 'Organisational capacity',
    description:
      'Collecting, sharing, analysing and reporting data; measuring outcomes; surveys and program evaluation.',
    aliases: ['Data', 'Evaluation', 'Research', 'Assessment', 'Measurement'],
  },
  {
    name: 'Communications',
    kind: 'Organisational capacity',
    description:
      'Reaching families and the public: newsletters, text messages, social media, translation of messages, publicity.',
    aliases: ['Communication', 'Outreach', 'Marketing', 'Publicity', 'Media'],
  },
  {
    name: 'Volunteers',
    kind: 'Organisational capacity',
    description:
      'Unpaid helpers and the capacity to recruit, train and manage them: event volunteers, mentors, work-study students.',
    aliases: ['Volunteer', 'Volunteering'],
  },
  {
    name: 'Relationships',
    kind: 'Organisational capacity',
    description:
      'Trust and standing with specific people: families, community leaders, funders, officials. Who will pick up the phone to you.',
    aliases: ['Trust', 'Partnerships', 'Connections', 'Community relations'],
  },
];
