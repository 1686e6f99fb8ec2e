import type { ReactNode } from "react";
import Link from "next/link";
import type { IsoDay } from "@/lib/dates";
import {
  courtName,
  eventTitle,
  hearingStatusText,
  motionKindLabel,
  motionPartyLabel,
  rulingLabel,
  sentenceKindLabel,
  sentenceTerm,
} from "@/lib/profile-wording";
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
function Permalink({ anchor, label }: { anchor: string; label: string }) {
  return (
    <a href={`#${anchor}`} className="text-sm text-muted underline underline-offset-2 print:hidden">
      link<span className="sr-only"> to {label}</span>
    </a>
  );
}

function Motion({ motion }: { motion: MotionItem }) {
  const kind = motionKindLabel[motion.kind];
  const description =
    motion.description && motion.description.trim().toLowerCase() !== kind.toLowerCase() ? motion.description : null;
  return (
    <li id={motion.anchor} className="scroll-mt-4 rounded border border-stone-200 p-3 target:ring-2 target:ring-accent">
      <p>
        <span className="font-medium">{kind}</span>, filed by {motionPartyLabel[motion.filedBy]}
        {motion.lawyer ? (
          <>
            {" "}
            (<LawyerName lawyer={motion.lawyer} />)
          </>
        ) : null}
        : <strong>{rulingLabel[motion.ruling]}</strong>
        {motion.rulingNote ? <>. {motion.rulingNote}</> : null}
      </p>
      {description ? <p className="mt-1 text-muted">{description}</p> : null}
      <SourceList sources={motion.sources} className="mt-2" />
      <p className="mt-2">
        <Permalink anchor={motion.anchor} label={`this motion: ${kind}`} />
      </p>
    </li>
  );
}

function HearingDetails({ event, today }: { event: HearingEvent; today: IsoDay }) {
  return (
    <>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted">Status</dt>
        <dd>{hearingStatusText(event.status, event.date, today)}</dd>
        <dt className="text-muted">Case</dt>
        <dd>{event.caseTitle}</dd>
        {event.judge ? (
          <>
            <dt className="text-muted">Judge</dt>
            <dd>{event.judge}</dd>
          </>
        ) : null}
        {event.lawyers.length > 0 ? (
          <>
            <dt className="text-muted">Lawyers present</dt>
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
          <h4 className="mt-3 font-medium">Motions</h4>
          <ol className="mt-2 space-y-2">
            {event.motions.map((motion) => (
              <Motion key={motion.id} motion={motion} />
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}

function Details({ event, today }: { event: TimelineEvent; today: IsoDay }) {
  switch (event.type) {
    case "custody-start":
      return (
        <>
          {event.qualifier === "ON_OR_BEFORE" ? (
            <p className="mt-1 text-sm text-muted">The sources show the person in custody by this date.</p>
          ) : null}
          {event.caseTitle ? <p className="mt-1 text-sm">Case: {event.caseTitle}</p> : null}
          {event.note ? <p className="mt-2">{event.note}</p> : null}
        </>
      );
    case "placement":
      return event.facility.city ? <p className="mt-1 text-sm">{event.facility.city}</p> : null;
    case "hearing":
      return <HearingDetails event={event} today={today} />;
    case "detention-extension":
      return (
        <p className="mt-1">
          Detention runs until <PartialDateTime date={{ date: event.until, precision: "DAY" }} />
          {event.court ? `, as ordered by ${courtName(event.court)}` : null}
          {event.hearingAnchor ? (
            <>
              {" "}
              (
              <a href={`#${event.hearingAnchor}`} className="underline underline-offset-2">
                see the hearing
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
          <p className="mt-1 text-sm">Case: {event.caseTitle}</p>
          {event.sentenceMonths || event.sentenceKind ? (
            <p className="mt-1">
              Sentence:{" "}
              {[event.sentenceMonths ? sentenceTerm(event.sentenceMonths) : null, event.sentenceKind ? sentenceKindLabel[event.sentenceKind] : null]
                .filter(Boolean)
                .join(", ")}
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
                <dt className="text-muted">Court</dt>
                <dd>{courtName(event.court)}</dd>
              </>
            ) : null}
            <dt className="text-muted">Filed</dt>
            <dd>{event.filedOn ? <PartialDateTime date={{ date: event.filedOn, precision: "DAY" }} /> : "date not recorded"}</dd>
            <dt className="text-muted">Decided</dt>
            <dd>
              {event.decidedOn ? <PartialDateTime date={{ date: event.decidedOn, precision: "DAY" }} /> : "not yet, or date not recorded"}
            </dd>
            {event.newSentenceMonths ? (
              <>
                <dt className="text-muted">New sentence</dt>
                <dd>{sentenceTerm(event.newSentenceMonths)}</dd>
              </>
            ) : null}
          </dl>
          {event.summary ? <p className="mt-2">{event.summary}</p> : null}
          <p className="mt-1 text-sm">
            <a href={`#${event.verdictAnchor}`} className="underline underline-offset-2">
              See the verdict appealed
            </a>
          </p>
        </>
      );
    case "decree":
      return (
        <>
          {event.signedBy ? <p className="mt-1">Signed by {event.signedBy}.</p> : null}
          {event.url ? (
            <p className="mt-1 text-sm">
              <a href={event.url} className="underline underline-offset-2">
                Text of the decree
              </a>
            </p>
          ) : null}
        </>
      );
    case "release":
      return event.decree ? (
        <p className="mt-1">
          By decree: {event.decree.title}
          {event.decree.number ? ` No. ${event.decree.number}` : null}.
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

/** One event of the case timeline, with its sources and its own address (#event-…). */
export function TimelineItem({ event, today, cite }: { event: TimelineEvent; today: IsoDay; cite?: ReactNode }) {
  const title = eventTitle(event);
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
        <Details event={event} today={today} />
        <SourceList sources={event.sources} className="mt-3 border-t border-stone-200 pt-3" />
        <p className="mt-2">
          <Permalink anchor={event.anchor} label={`this event: ${title}`} />
        </p>
        {cite}
      </article>
    </li>
  );
}
