// The default asset/need taxonomy: community assets (ABCD) and organisational capacity, in one list.

export const CATEGORY_KINDS = ['Community asset', 'Organisational capacity', 'Both'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

export interface CategoryDef {
  name: string;
  kind: CategoryKind;
  description: string;
}

/**
 * Community assets follow asset-based community development's six asset types (people, associations,
 * institutions, physical space, economy, culture); organisational capacity follows the usual
 * capacity-assessment areas. Funding appears once as "Economy and funding" so that a partner's
 * "funding" need can be met by a community's "economy" asset and vice versa.
 */
export const DEFAULT_CATEGORIES: readonly CategoryDef[] = [
  {
    name: 'People and skills',
    kind: 'Both',
    description:
      'Individuals’ gifts, skills, knowledge and time: tutors, mentors, bilingual staff, parent volunteers.',
  },
  {
    name: 'Associations and networks',
    kind: 'Community asset',
    description:
      'Clubs, congregations, parent groups, coalitions and the relationships among them.',
  },
  {
    name: 'Institutions',
    kind: 'Community asset',
    description:
      'Schools, libraries, clinics, colleges, agencies and businesses present in the community.',
  },
  {
    name: 'Physical space',
    kind: 'Both',
    description: 'Buildings, rooms, parks, gardens, kitchens, transport: places and things to use.',
  },
  {
    name: 'Economy and funding',
    kind: 'Both',
    description: 'Money, grants, donors, local businesses, purchasing power, in-kind donations.',
  },
  {
    name: 'Culture',
    kind: 'Community asset',
    description: 'Traditions, languages, stories, arts and the community’s identity.',
  },
  {
    name: 'Staffing',
    kind: 'Organisational capacity',
    description: 'People employed and their availability: coordinators, teachers, case managers.',
  },
  {
    name: 'Expertise',
    kind: 'Organisational capacity',
    description:
      'Specialist knowledge: literacy instruction, mental health, family engagement, law.',
  },
  {
    name: 'Data and evaluation',
    kind: 'Organisational capacity',
    description: 'Collecting, analysing and reporting data; measuring outcomes.',
  },
  {
    name: 'Communications',
    kind: 'Organisational capacity',
    description:
      'Reaching families and the public: newsletters, social media, translation, outreach.',
  },
  {
    name: 'Volunteers',
    kind: 'Organisational capacity',
    description: 'Recruiting, training and managing volunteers.',
  },
  {
    name: 'Relationships',
    kind: 'Organisational capacity',
    description: 'Trust and connections with families, leaders, funders and other organisations.',
  },
];
