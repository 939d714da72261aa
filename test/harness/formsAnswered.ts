// A plan whose forms answer into it, through the bundle: the community survey and a health check round made and answered, so their "Form Responses" tabs exist.
import type { Addon } from '../../emulator/addon';
import {
  CATEGORY_QUESTION,
  DESCRIPTION_QUESTION,
  EVIDENCE_QUESTION,
  GROUP_QUESTION,
  KIND_ASSET,
  KIND_NEED,
  KIND_QUESTION,
  MODE_QUESTION,
  MODE_SELF,
} from '../../src/domain/survey/questions';
import { healthAnswers } from './healthRounds';
import { seeded } from './seeded';
import { sidebarCall } from './sidebarCall';

/** The survey made and answered by `answers` people, then a health round opened and answered by 4. */
export function answerSurveyAndRound(addon: Addon, answers: number): void {
  const ws = addon.workspace;
  sidebarCall(addon, 'makeCommunitySurvey', { names: false });
  const survey = [...ws.forms.forms.values()].at(-1)!;
  for (let i = 0; i < answers; i++)
    ws.forms.submit(survey.id, {
      [MODE_QUESTION]: MODE_SELF,
      [GROUP_QUESTION]: ['Parents', 'Youth', 'Residents'][i % 3],
      [KIND_QUESTION]: i % 2 ? KIND_ASSET : KIND_NEED,
      [CATEGORY_QUESTION]: 'Physical space',
      [DESCRIPTION_QUESTION]: `Answer ${i + 1}: somewhere safe to meet after school`,
      [EVIDENCE_QUESTION]: 'Said at the family evening',
    });
  const closes = new Date(ws.runtime.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  sidebarCall(addon, 'openHealthRound', { closes });
  const round = [...ws.forms.forms.values()].at(-1)!;
  const rnd = seeded(answers);
  for (let i = 0; i < 4; i++) ws.forms.submit(round.id, healthAnswers(rnd, 'communication'));
}
