// Set-up sidebar's "Hand over the plan": the coordinator names the next one, who accepts from their own account.

import type { HandoverKeep, HandoverResult, HandoverState } from '../../src/shared/handoverWire';
import { callServer } from '../common/bridge';
import { byId, el, setStatus, withBusy } from '../common/dom';

const KEEP_LABELS: Record<keyof HandoverKeep, string> = {
  afterEdits: 'Sync after each edit',
  hourly: 'Sync every hour',
  weeklyEmail: 'The weekly email to partners',
};

/** The three choices of what keeps running with the new account, ticked as the plan has them now. */
function keepChoices(keep: HandoverKeep): HTMLFieldSetElement {
  return el(
    'fieldset',
    { class: 'plain-fieldset', id: 'handover-keep' },
    el('legend', {}, 'Keep running, with your account:'),
    ...(Object.keys(KEEP_LABELS) as (keyof HandoverKeep)[]).map((key) =>
      el(
        'div',
        { class: 'choice' },
        el('input', { type: 'checkbox', id: `keep-${key}`, checked: keep[key] }),
        el('label', { for: `keep-${key}` }, KEEP_LABELS[key]),
      ),
    ),
  );
}

function readKeep(): HandoverKeep {
  const ticked = (key: keyof HandoverKeep) => byId<HTMLInputElement>(`keep-${key}`).checked;
  return {
    afterEdits: ticked('afterEdits'),
    hourly: ticked('hourly'),
    weeklyEmail: ticked('weeklyEmail'),
  };
}

function button(text: string, kind: string, act: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', class: kind, 'data-busy-disable': true }, text);
  b.addEventListener('click', act);
  return b;
}

/** After an answer: the section drawn again, and the server's words shown under it. */
async function answered(result: HandoverResult | undefined): Promise<void> {
  if (!result) return;
  draw(result.state);
  setStatus('success', result.message);
}

/** The coordinator's view: name an editor, or the offer waiting and its cancel. */
function ownerView(state: HandoverState): Node[] {
  if (state.pending)
    return [
      el(
        'p',
        {},
        `Waiting for ${state.pending.to} to accept (offered on ${state.pending.offeredOn}). Until then you stay the coordinator and nothing changes.`,
      ),
      button(
        'Cancel the hand-over',
        '',
        () => void withBusy('Cancelling…', () => callServer('cancelHandover')).then(answered),
      ),
    ];
  const list = el(
    'datalist',
    { id: 'handover-editors' },
    ...state.editors.map((e) => el('option', { value: e })),
  );
  return [
    el(
      'p',
      { class: 'secondary small' },
      'Leaving the plan? Name the next coordinator: someone who can edit this spreadsheet. Once they accept from their own Google account, the automatic syncs and the weekly email run with theirs, and nothing runs with yours.',
    ),
    el('label', { for: 'handover-to' }, 'Next coordinator’s email'),
    el('input', {
      type: 'email',
      id: 'handover-to',
      list: 'handover-editors',
      autocomplete: 'off',
    }),
    list,
    button('Hand over the plan', 'action', () => {
      const to = byId<HTMLInputElement>('handover-to').value.trim();
      if (!to) {
        setStatus('error', 'Type the email address of the person who takes over.');
        byId('handover-to').focus();
        return;
      }
      void withBusy(`Offering the plan to ${to}…`, () => callServer('offerHandover', { to })).then(
        answered,
      );
    }),
  ];
}

/** The view of the person named, or of the spreadsheet's owner when the coordinator is gone. */
function takerView(state: HandoverState): Node[] {
  const accepting = state.canAccept && state.pending;
  const intro = accepting
    ? `${state.pending?.from} offers you the plan. Accept to become its coordinator.`
    : `You own this spreadsheet. If the coordinator (${state.owner ?? 'nobody yet'}) has left and cannot hand the plan over, you can take it over.`;
  return [
    el('p', {}, intro),
    keepChoices(state.keep),
    button(
      accepting ? 'Accept the plan' : 'Take the plan over',
      'action',
      () =>
        void withBusy('Taking the plan over…', () =>
          accepting
            ? callServer('acceptHandover', readKeep())
            : callServer('takeOverPlan', readKeep()),
        ).then(answered),
    ),
  ];
}

function draw(state: HandoverState): void {
  const body = state.isOwner
    ? ownerView(state)
    : state.canAccept || state.canTakeOver
      ? takerView(state)
      : [
          el(
            'p',
            { class: 'secondary small' },
            state.owner
              ? `${state.owner} coordinates this plan: only they can hand it over.`
              : 'Nobody coordinates this plan yet: the first person to choose its calendar or turn an automatic sync on does.',
          ),
        ];
  byId('handover-body').replaceChildren(...body);
  byId('handover').hidden = false;
}

/** Reads who coordinates the plan and draws the section (quietly: it is not what the person asked). */
export async function showHandover(): Promise<void> {
  const state = await callServer('getHandoverState').catch(() => null);
  if (state) draw(state);
}
