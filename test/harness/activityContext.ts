// The parse context unit tests share: New York sheet and plan, no partners, the Intl zone oracle.
import type { ActivityContext } from '../../src/domain/calendarSync/activity';
import { intlZoneOracle } from './intlZoneOracle';

export const TEST_ACTIVITY_CONTEXT: ActivityContext = {
  sheetZone: 'America/New_York',
  planZone: 'America/New_York',
  oracle: intlZoneOracle,
  partners: [],
  invitePartners: false,
  planName: 'Riverside',
  sheetUrl: 'https://example.org/sheet',
};
