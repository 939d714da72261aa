// Java's old three-letter zone ids, as Utilities.formatDate (a Java TimeZone) reads them.

/**
 * `java.time.ZoneId.SHORT_IDS` (V: Java SE 8 API, ZoneId; `java.util.TimeZone` says the same ids
 * are kept "for compatibility with JDK 1.1.x" and deprecated): only EST, MST and HST are fixed
 * offsets; every other one is a region with its summer time — "PST" is Los Angeles (UTC−7 in
 * July), "CST" Chicago, and "BST" is Bangladesh, not British Summer Time. Written out here rather
 * than taken from ICU's aliases, so the emulator states Java's rule itself.
 */
export const JAVA_SHORT_IDS: Readonly<Record<string, string>> = {
  EST: 'Etc/GMT+5',
  HST: 'Etc/GMT+10',
  MST: 'Etc/GMT+7',
  ACT: 'Australia/Darwin',
  AET: 'Australia/Sydney',
  AGT: 'America/Argentina/Buenos_Aires',
  ART: 'Africa/Cairo',
  AST: 'America/Anchorage',
  BET: 'America/Sao_Paulo',
  BST: 'Asia/Dhaka',
  CAT: 'Africa/Harare',
  CNT: 'America/St_Johns',
  CST: 'America/Chicago',
  CTT: 'Asia/Shanghai',
  EAT: 'Africa/Addis_Ababa',
  ECT: 'Europe/Paris',
  IET: 'America/Indiana/Indianapolis',
  IST: 'Asia/Kolkata',
  JST: 'Asia/Tokyo',
  MIT: 'Pacific/Apia',
  NET: 'Asia/Yerevan',
  NST: 'Pacific/Auckland',
  PLT: 'Asia/Karachi',
  PNT: 'America/Phoenix',
  PRT: 'America/Puerto_Rico',
  PST: 'America/Los_Angeles',
  SST: 'Pacific/Guadalcanal',
  VST: 'Asia/Ho_Chi_Minh',
};

/** The zone whose rules Java applies for `id`: a short id's region or offset, else the id itself. */
export function javaZoneRules(id: string): string {
  return JAVA_SHORT_IDS[id] ?? id;
}
