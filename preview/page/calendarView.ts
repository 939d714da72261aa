// The preview's Google Calendar: the synced events as an agenda, by day, in each calendar's zone.
import { el } from '../../sidebar/common/dom';
import { readableDate } from '../calendar/recurrenceText';
import type { PreviewEvent, PreviewState } from '../state';

type Calendar = PreviewState['calendars'][number];

function timeRange(e: PreviewEvent, zone: string): string {
  if (e.allDay) return 'All day';
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${fmt.format(new Date(e.start))}–${fmt.format(new Date(e.end))}`;
}

/** yyyy-mm-dd of the event's first day, in the calendar's zone for timed events. */
function dayKey(e: PreviewEvent, zone: string): string {
  if (e.allDay) return e.start.slice(0, 10);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(e.start));
}

function dayHeading(key: string): string {
  const [y, m, d] = key.split('-').map(Number);
  const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
  return `${weekday} ${readableDate(y, m, d)}`;
}

/** An all-day event's end date is exclusive (V): "until 12 Nov" means the 11th is its last day. */
function allDaySpan(e: PreviewEvent): string {
  const [y, m, d] = e.end.slice(0, 10).split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1, d - 1));
  if (last.toISOString().slice(0, 10) === e.start.slice(0, 10)) return '';
  return `until ${readableDate(last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate())}`;
}

function eventCard(e: PreviewEvent, zone: string): HTMLElement {
  const details = [
    e.allDay ? allDaySpan(e) : '',
    e.location,
    e.guests.length ? `${e.guests.length} guest${e.guests.length === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return el(
    'li',
    { class: 'event', 'data-event': e.id },
    el('span', {
      class: 'swatch',
      style: `background: ${e.colorHex}`,
      title: e.colorName,
      'aria-hidden': 'true',
    }),
    el('span', { class: 'time' }, timeRange(e, zone)),
    el('strong', { class: 'title' }, e.title),
    details.length ? el('span', { class: 'details' }, ` · ${details.join(' · ')}`) : null,
    e.repeats ? el('span', { class: 'repeats' }, `↻ ${e.repeats}`) : null,
    el('span', { class: 'visually-hidden' }, ` (colour: ${e.colorName})`),
  );
}

function calendarSection(cal: Calendar): HTMLElement {
  const events = [...cal.events].sort((a, b) => a.start.localeCompare(b.start));
  const days = new Map<string, PreviewEvent[]>();
  for (const e of events) {
    const key = dayKey(e, cal.timeZone);
    days.set(key, [...(days.get(key) ?? []), e]);
  }
  const count = `${events.length} event${events.length === 1 ? '' : 's'}`;
  return el(
    'section',
    { class: 'calendar', 'data-calendar': cal.id, 'aria-label': cal.name },
    el('h2', {}, cal.name, el('span', { class: 'meta' }, ` ${cal.timeZone} · ${count}`)),
    events.length === 0
      ? el('p', { class: 'empty' }, 'No events.')
      : el(
          'ol',
          { class: 'agenda' },
          ...[...days].map(([key, list]) =>
            el(
              'li',
              { class: 'calendar-day' },
              el('h3', {}, dayHeading(key)),
              el('ul', { class: 'events' }, ...list.map((e) => eventCard(e, cal.timeZone))),
            ),
          ),
        ),
  );
}

/** Calendars with events first: the partnership's calendar, not the empty personal one. */
export function renderCalendars(view: HTMLElement, state: PreviewState): void {
  const calendars = [...state.calendars].sort(
    (a, b) => Number(b.events.length > 0) - Number(a.events.length > 0),
  );
  view.replaceChildren(
    el(
      'p',
      { class: 'hint' },
      'What Google Calendar holds after the add-on’s syncs. Each sync is listed on the Sync Log tab.',
    ),
    ...(calendars.length
      ? calendars.map(calendarSection)
      : [el('p', { class: 'empty' }, 'No calendars yet.')]),
  );
}
