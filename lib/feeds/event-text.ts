import { formatPartialDate } from "../dates";
import { courtName, englishEventTitle as eventTitle } from "../i18n/event-title";
import { wording } from "../i18n/wording";
import { motionKindLabel, sentenceKindLabel } from "../labels";
import type { TimelineEvent } from "../timeline";

const { sentenceTerm, t } = wording("en");

/**
 * Plain-text wording of a public event for feeds and citations: the date as precisely as it is
 * known, what happened and, for a hearing, how each motion was ruled on. Built only from the
 * public event, so it can say nothing the profile does not.
 */
export function eventDateText(event: TimelineEvent): string {
  return formatPartialDate(event.date, event.qualifier);
}

export function eventSummary(event: TimelineEvent): string {
  const lines: string[] = [`${eventDateText(event)}: ${eventTitle(event)}.`];
  switch (event.type) {
    case "custody-start":
      if (event.caseTitle) lines.push(`Case: ${event.caseTitle}.`);
      break;
    case "hearing": {
      lines.push(`Case: ${event.caseTitle}.`);
      if (event.status !== "HELD") lines.push(`Status: ${event.status.toLowerCase()}.`);
      if (event.timeOfDay) lines.push(`Time: ${event.timeOfDay} (local time at the court).`);
      if (event.judge) lines.push(`Judge: ${event.judge}.`);
      if (event.outcome) lines.push(event.outcome);
      for (const motion of event.motions) {
        lines.push(
          `${motionKindLabel[motion.kind]}, filed by ${t(`enums.motionFiledBy.${motion.filedBy}`)}: ${t(`enums.rulingOutcome.${motion.ruling}`)}${motion.rulingNote ? `. ${motion.rulingNote}` : ""}.`,
        );
      }
      break;
    }
    case "detention-extension":
      if (event.court) lines.push(`Ordered by ${courtName(event.court)}.`);
      break;
    case "verdict":
      lines.push(`Case: ${event.caseTitle}.`);
      if (event.sentenceKind) {
        lines.push(
          `Sentence: ${sentenceKindLabel[event.sentenceKind]}${event.sentenceMonths ? `, ${sentenceTerm(event.sentenceMonths)}` : ""}.`,
        );
      }
      if (event.summary) lines.push(event.summary);
      break;
    case "appeal":
      if (event.court) lines.push(`Court: ${courtName(event.court)}.`);
      if (event.newSentenceMonths) lines.push(`New sentence: ${sentenceTerm(event.newSentenceMonths)}.`);
      if (event.summary) lines.push(event.summary);
      break;
    case "decree":
      if (event.signedBy) lines.push(`Signed by ${event.signedBy}.`);
      break;
    case "release":
      if (event.decree) lines.push(`By ${event.decree.title}${event.decree.number ? ` No. ${event.decree.number}` : ""}.`);
      break;
    case "update":
      if (event.body) lines.push(event.body);
      break;
    case "placement":
      break;
  }
  return lines.join("\n");
}
