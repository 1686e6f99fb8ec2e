import { useLocale } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import type { IsoDay } from "@/lib/dates";
import { wording, type Wording } from "@/lib/i18n/wording";
import { courtName, decreeTitle, eventTitle } from "@/lib/i18n/event-title";
import type { HearingEvent, LawyerReference, MotionItem, TimelineEvent } from "@/lib/timeline";
import { PartialDateTime } from "./partial-date-time";
import { SourceList } from "./source-list";

function LawyerName({ lawyer }: { lawyer: LawyerReference }) {
  return lawyer.profileSlug ? (
    <Link href={`/prisoners/${lawyer.profileSlug}`} className="underline underline-offset-2">
      {lawyer.fullName}
    </Link>
  ) : (
    <>{lawyer.fullName}</>
  );
}

/** The visible "link" to an event's own address, for citing and sharing. */
function Permalink({ anchor, text, label }: { anchor: string; text: string; label: string }) {
  return (
    <a href={`#${anchor}`} className="text-sm text-muted underline underline-offset-2 print:hidden">
      {text}
      <span className="sr-only"> {label}</span>
    </a>
  );
}

/** The small "cite" link beside an event's permalink, to the event's citation page. */
function CiteEventLink({ href, text, label }: { href: string; text: string; label: string }) {
  return (
    <a href={href} className="text-sm text-muted underline underline-offset-2 print:hidden" data-testid="cite-event">
      {text}
      <span className="sr-only"> {label}</span>
    </a>
  );
}

function Motion({ motion, words }: { motion: MotionItem; words: Wording }) {
  const { t } = words;
  const kind = t(`enums.motionKind.${motion.kind}`);
  const description =
    motion.description && motion.description.trim().toLowerCase() !== kind.toLowerCase() ? motion.description : null;
  return (
    <li id={motion.anchor} className="scroll-mt-4 rounded border border-stone-200 p-3 target:ring-2 target:ring-accent">
      <p>
        {t.rich("timeline.motionFiled", {
          party: t(`enums.motionFiledBy.${motion.filedBy}`),
          kind: () => <span className="font-medium">{kind}</span>,
        })}
        {motion.lawyer ? (
          <>
            {" "}
            (<LawyerName lawyer={motion.lawyer} />)
          </>
        ) : null}
        : <strong>{t(`enums.rulingOutcome.${motion.ruling}`)}</strong>
        {motion.rulingNote ? <>. {motion.rulingNote}</> : null}
      </p>
      {description ? <p className="mt-1 text-muted">{description}</p> : null}
      <SourceList sources={motion.sources} className="mt-2" />
      <p className="mt-2">
        <Permalink anchor={motion.anchor} text={t("timeline.permalink")} label={t("timeline.permalinkMotion", { kind })} />
      </p>
    </li>
  );
}

function HearingDetails({ event, today, words }: { event: HearingEvent; today: IsoDay; words: Wording }) {
  const { t } = words;
  return (
    <>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted">{t("timeline.status")}</dt>
        <dd>{words.hearingStatus(event.status, event.date, today)}</dd>
        <dt className="text-muted">{t("timeline.case")}</dt>
        <dd>{event.caseTitle}</dd>
        {event.judge ? (
          <>
            <dt className="text-muted">{t("timeline.judge")}</dt>
            <dd>{event.judge}</dd>
          </>
        ) : null}
        {event.lawyers.length > 0 ? (
          <>
            <dt className="text-muted">{t("timeline.lawyersPresent")}</dt>
            <dd>
              {event.lawyers.map((lawyer, index) => (
                <span key={lawyer.id}>
                  {index > 0 ? ", " : null}
                  <LawyerName lawyer={lawyer} />
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {event.outcome ? <p className="mt-2">{event.outcome}</p> : null}
      {event.motions.length > 0 ? (
        <>
          <h4 className="mt-3 font-medium">{t("timeline.motions")}</h4>
          <ol className="mt-2 space-y-2">
            {event.motions.map((motion) => (
              <Motion key={motion.id} motion={motion} words={words} />
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}

function Details({ event, today, words }: { event: TimelineEvent; today: IsoDay; words: Wording }) {
  const { t } = words;
  switch (event.type) {
    case "custody-start":
      return (
        <>
          {event.qualifier === "ON_OR_BEFORE" ? (
            <p className="mt-1 text-sm text-muted">{t("timeline.custodyBound")}</p>
          ) : null}
          {event.caseTitle ? <p className="mt-1 text-sm">{t("timeline.caseLine", { title: event.caseTitle })}</p> : null}
          {event.note ? <p className="mt-2">{event.note}</p> : null}
        </>
      );
    case "placement":
      return event.facility.city ? <p className="mt-1 text-sm">{event.facility.city}</p> : null;
    case "hearing":
      return <HearingDetails event={event} today={today} words={words} />;
    case "detention-extension":
      return (
        <p className="mt-1">
          {t.rich("timeline.detentionRunsUntil", {
            date: () => <PartialDateTime date={{ date: event.until, precision: "DAY" }} form="genitive" />,
          })}
          {event.court ? t("timeline.orderedBy", { court: courtName(event.court) ?? "" }) : null}
          {event.hearingAnchor ? (
            <>
              {" "}
              (
              <a href={`#${event.hearingAnchor}`} className="underline underline-offset-2">
                {t("timeline.seeHearing")}
              </a>
              )
            </>
          ) : null}
          .
        </p>
      );
    case "verdict":
      return (
        <>
          <p className="mt-1 text-sm">{t("timeline.caseLine", { title: event.caseTitle })}</p>
          {event.sentenceMonths || event.sentenceKind ? (
            <p className="mt-1">
              {t("timeline.sentence", {
                sentence: [
                  event.sentenceMonths ? words.sentenceTerm(event.sentenceMonths) : null,
                  event.sentenceKind ? t(`enums.sentenceKind.${event.sentenceKind}`) : null,
                ]
                  .filter(Boolean)
                  .join(", "),
              })}
            </p>
          ) : null}
          {event.summary ? <p className="mt-2">{event.summary}</p> : null}
        </>
      );
    case "appeal":
      return (
        <>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            {event.court ? (
              <>
                <dt className="text-muted">{t("timeline.court")}</dt>
                <dd>{courtName(event.court)}</dd>
              </>
            ) : null}
            <dt className="text-muted">{t("timeline.filed")}</dt>
            <dd>
              {event.filedOn ? <PartialDateTime date={{ date: event.filedOn, precision: "DAY" }} /> : t("timeline.filedUnknown")}
            </dd>
            <dt className="text-muted">{t("timeline.decided")}</dt>
            <dd>
              {event.decidedOn ? (
                <PartialDateTime date={{ date: event.decidedOn, precision: "DAY" }} />
              ) : (
                t("timeline.decidedUnknown")
              )}
            </dd>
            {event.newSentenceMonths ? (
              <>
                <dt className="text-muted">{t("timeline.newSentence")}</dt>
                <dd>{words.sentenceTerm(event.newSentenceMonths)}</dd>
              </>
            ) : null}
          </dl>
          {event.summary ? <p className="mt-2">{event.summary}</p> : null}
          <p className="mt-1 text-sm">
            <a href={`#${event.verdictAnchor}`} className="underline underline-offset-2">
              {t("timeline.seeVerdict")}
            </a>
          </p>
        </>
      );
    case "decree":
      return (
        <>
          {event.signedBy ? <p className="mt-1">{t("timeline.signedBy", { name: event.signedBy })}</p> : null}
          {event.url ? (
            <p className="mt-1 text-sm">
              <a href={event.url} className="underline underline-offset-2">
                {t("timeline.decreeText")}
              </a>
            </p>
          ) : null}
        </>
      );
    case "release":
      return event.decree ? (
        <p className="mt-1">
          {t("timeline.byDecree", { decree: decreeTitle(words, event.decree.title, event.decree.number) })}
        </p>
      ) : null;
    case "update":
      return (
        <>
          {event.location ? <p className="mt-1 text-sm text-muted">{event.location}</p> : null}
          {event.body ? <p className="mt-2">{event.body}</p> : null}
        </>
      );
  }
}

/**
 * One event of the case timeline, with its sources, its own address (#event-…) and, when
 * citeHref is given, a link to its citation page.
 */
export function TimelineItem({ event, today, citeHref }: { event: TimelineEvent; today: IsoDay; citeHref?: string }) {
  const words = wording(useLocale() as Locale);
  const title = eventTitle(event, words);
  const titleId = `${event.anchor}-title`;
  return (
    <li>
      <article
        id={event.anchor}
        aria-labelledby={titleId}
        className="scroll-mt-4 rounded-lg border border-stone-300 bg-white p-4 target:ring-2 target:ring-accent"
      >
        <p className="text-sm text-muted">
          <PartialDateTime date={event.date} qualifier={event.qualifier} />
          {event.type === "hearing" && event.timeOfDay ? `, ${event.timeOfDay}` : null}
        </p>
        <h3 id={titleId} className="mt-1 font-semibold break-words">
          {title}
        </h3>
        <Details event={event} today={today} words={words} />
        <SourceList sources={event.sources} className="mt-3 border-t border-stone-200 pt-3" />
        <p className="mt-2">
          <Permalink
            anchor={event.anchor}
            text={words.t("timeline.permalink")}
            label={words.t("timeline.permalinkEvent", { title })}
          />
          {citeHref ? (
            <>
              {" · "}
              <CiteEventLink href={citeHref} text={words.t("timeline.cite")} label={words.t("timeline.citeEvent", { title })} />
            </>
          ) : null}
        </p>
      </article>
    </li>
  );
}
