// Google Calendar's event colours by colorId, so the preview's calendar looks like the real one.

export interface EventColor {
  name: string;
  hex: string;
}

/**
 * Names: CalendarApp.EventColor reference, "referred to as … in the Calendar UI" (V).
 * Hex values: the Calendar web UI's current palette (S: published colour maps); the REST
 * colors.get endpoint still returns an older pastel palette for the same ids.
 */
export const EVENT_COLORS: Readonly<Record<string, EventColor>> = {
  '1': { name: 'Lavender', hex: '#7986cb' },
  '2': { name: 'Sage', hex: '#33b679' },
  '3': { name: 'Grape', hex: '#8e24aa' },
  '4': { name: 'Flamingo', hex: '#e67c73' },
  '5': { name: 'Banana', hex: '#f6bf26' },
  '6': { name: 'Tangerine', hex: '#f4511e' },
  '7': { name: 'Peacock', hex: '#039be5' },
  '8': { name: 'Graphite', hex: '#616161' },
  '9': { name: 'Blueberry', hex: '#3f51b5' },
  '10': { name: 'Basil', hex: '#0b8043' },
  '11': { name: 'Tomato', hex: '#d50000' },
};

/** An event without a colorId takes its calendar's colour (V: Events resource, colorId). */
export function eventColor(colorId: string, calendarHex: string): EventColor {
  return EVENT_COLORS[colorId] ?? { name: 'Calendar colour', hex: calendarHex || '#039be5' };
}
