import type { Transaction } from "../../lib/db/client";
import { fromIsoDay } from "../../lib/dates";
import { seedActor, writeAudit } from "../../lib/data/audit";
import { createUserWithPassword } from "../../lib/data/users";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";

/**
 * The demo data set, built only from the seed document (a 2014 blog about political prisoners
 * in Azerbaijan, kept as shared/seed/000_497597ae19f2c011.txt). Every fact cites it with the
 * passage that supports it. Where the document gives no exact date, the record keeps the
 * precision the document has, and a bound ("in custody by") where it proves only that.
 *
 * The document's posts carry no dates of their own. Two dates below are bounded by the order
 * of the posts (newest first) and say so in their notes: the pardon decree ("Today"), placed
 * between the posts about the trials of 8-9 October and the hearings of 24 October 2014; and
 * the prisoners' petition, reported in a 2014 post.
 */

export const DEMO_SOURCE_ID = "5eed0000-0000-4000-8000-000000000001";

type Cite = { excerpt: string };

const day = (iso: string) => fromIsoDay(iso);

export async function seedDemo(tx: Transaction): Promise<"seeded" | "already-present"> {
  const usersCreated = await seedDemoUsers(tx);
  const existing = await tx.source.findUnique({ where: { id: DEMO_SOURCE_ID }, select: { id: true } });
  if (existing) return usersCreated > 0 ? "seeded" : "already-present";

  async function audit(entityType: string, row: { id: string }) {
    await writeAudit(tx, { actor: seedActor, action: "CREATE", entityType, entityId: row.id, after: row });
  }

  const source = await tx.source.create({
    data: {
      id: DEMO_SOURCE_ID,
      kind: "WEB_PAGE",
      title: "Political prisoners in Azerbaijan: blog posts, autumn 2014",
      publisher: "Blog on political prisoners in Azerbaijan",
      publishedDate: day("2014-01-01"),
      publishedPrecision: "YEAR",
      archivedCopy: "seed/000_497597ae19f2c011.txt",
    },
  });
  await audit("Source", source);
  const cite = (c: Cite) => ({ create: [{ sourceId: source.id, excerpt: c.excerpt }] });

  // Reference data ------------------------------------------------------------------------------
  const categories = Object.fromEntries(
    await Promise.all(
      (
        [
          ["journalist", "Journalist or blogger"],
          ["human-rights-defender", "Human rights defender"],
          ["lawyer", "Lawyer"],
          ["civic-activist", "Civic activist"],
        ] as const
      ).map(async ([slug, name]) => [slug, await tx.category.create({ data: { slug, name } })] as const),
    ),
  );

  const nida = await tx.organization.create({ data: { name: "NIDA Civic Movement", kind: "CIVIC_MOVEMENT" } });
  await audit("Organization", nida);

  const nasimi = await tx.court.create({
    data: {
      slug: "nasimi-district-court",
      name: "Nasimi District Court",
      aliases: ["Nasimi Rayon Court"],
      kind: "DISTRICT",
      city: "Baku",
      country: "AZ",
    },
  });
  const yasamal = await tx.court.create({
    data: {
      slug: "yasamal-district-court",
      name: "Yasamal District Court of Baku",
      aliases: ["Yasamal District Court"],
      kind: "DISTRICT",
      city: "Baku",
      country: "AZ",
    },
  });
  await audit("Court", nasimi);
  await audit("Court", yasamal);

  const bakuDetention = await tx.facility.create({
    data: {
      slug: "baku-detention-facility",
      name: "Baku Detention Facility",
      kind: "PRE_TRIAL_DETENTION_CENTRE",
      city: "Baku",
      country: "AZ",
    },
  });
  await audit("Facility", bakuDetention);

  // People ----------------------------------------------------------------------------------------
  async function person(data: {
    slug: string;
    fullName: string;
    gender?: "FEMALE" | "MALE";
    names?: { value: string; kind: "TRANSLITERATION" | "NATIVE_SCRIPT" | "ALIAS"; script?: string; language?: string }[];
    categories?: (keyof typeof categories)[];
    biography?: string;
    citation: Cite;
    privateRecord?: { healthDetails?: string; internalNotes?: string };
  }) {
    const row = await tx.prisoner.create({
      data: {
        slug: data.slug,
        fullName: data.fullName,
        gender: data.gender ?? "UNSPECIFIED",
        biography: data.biography,
        state: "PUBLISHED",
        names: data.names ? { create: data.names } : undefined,
        categories: data.categories
          ? { create: data.categories.map((slug) => ({ categoryId: categories[slug].id })) }
          : undefined,
        privateRecord: data.privateRecord ? { create: data.privateRecord } : undefined,
        citations: cite(data.citation),
      },
    });
    await audit("Prisoner", row);
    return row;
  }

  const yunus = await person({
    slug: "leyla-yunus",
    fullName: "Leyla Yunus",
    gender: "FEMALE",
    names: [{ value: "Лейла Юнус", kind: "TRANSLITERATION", script: "Cyrl", language: "ru" }],
    citation: {
      excerpt:
        "the court adopted the investigation's motion to prolong Leyla Yunus's detention period, extending her imprisonment to 28 February 2015.",
    },
    privateRecord: {
      healthDetails:
        "Her lawyer reported on 24 October 2014 that earlier health problems remain and that she can move only with support.",
    },
  });

  const aliyev = await person({
    slug: "intigam-aliyev",
    fullName: "Intigam Aliyev",
    gender: "MALE",
    names: [
      { value: "Intiqam Aliyev", kind: "ALIAS" },
      { value: "İntiqam Əliyev", kind: "NATIVE_SCRIPT", language: "az" },
      { value: "Интигам Алиев", kind: "TRANSLITERATION", script: "Cyrl", language: "ru" },
    ],
    citation: {
      excerpt:
        "The court granted the investigation's motion to extend I. Aliyev's detention period, extending his imprisonment period to 8 February 2015.",
    },
    privateRecord: {
      healthDetails:
        "On 24 October 2014 his health deteriorated in court (existing problems, including a brain trauma received in 2012); his right leg seized up and he nearly lost consciousness after transport in a badly ventilated convoy car.",
    },
  });

  const ismayilova = await person({
    slug: "khadija-ismayilova",
    fullName: "Khadija Ismayilova",
    gender: "FEMALE",
    names: [
      { value: "Xədicə İsmayılova", kind: "NATIVE_SCRIPT", language: "az" },
      { value: "Хадиджа Исмаилова", kind: "TRANSLITERATION", script: "Cyrl", language: "ru" },
    ],
    categories: ["journalist", "human-rights-defender"],
    biography:
      "Investigative journalist known for her reporting on the business interests of the family of Azerbaijan's president; she hosted a daily programme for RFE/RL's Azerbaijani Service.",
    citation: {
      excerpt:
        "Khadija Ismayilova, who is known for her extensive reporting on the business interests of the family of Azerbaijan President Ilham Aliyev and who hosts a daily program for RFE/RL's Azerbaijani Service",
    },
  });

  const mammadov = await person({
    slug: "ilgar-mammadov",
    fullName: "Ilgar Mammadov",
    names: [
      { value: "İlqar Məmmədov", kind: "NATIVE_SCRIPT", language: "az" },
      { value: "Ильгар Мамедов", kind: "TRANSLITERATION", script: "Cyrl", language: "ru" },
    ],
    citation: {
      excerpt:
        "More than 10 political prisoners (including Ilgar Mammadov, Tofig Yagublu, Leyla Yunus, Intigam Aliyev, NIDA members and others) have signed a petition",
    },
  });

  const yagublu = await person({
    slug: "tofig-yagublu",
    fullName: "Tofig Yagublu",
    names: [
      { value: "Tofiq Yaqublu", kind: "NATIVE_SCRIPT", language: "az" },
      { value: "Тофиг Ягублу", kind: "TRANSLITERATION", script: "Cyrl", language: "ru" },
    ],
    citation: {
      excerpt:
        "More than 10 political prisoners (including Ilgar Mammadov, Tofig Yagublu, Leyla Yunus, Intigam Aliyev, NIDA members and others) have signed a petition",
    },
  });

  const pardonExcerpt =
    "They are NIDA members Shahin Novruzlu, Bakhtiyar Guliev, Elsevar Mursalli and human rights defender Hasan Huseynli.";
  const nidaMembers = [];
  for (const [slug, fullName] of [
    ["shahin-novruzlu", "Shahin Novruzlu"],
    ["bakhtiyar-guliev", "Bakhtiyar Guliev"],
    ["elsevar-mursalli", "Elsevar Mursalli"],
  ] as const) {
    const member = await person({ slug, fullName, categories: ["civic-activist"], citation: { excerpt: pardonExcerpt } });
    const affiliation = await tx.affiliation.create({
      data: {
        prisonerId: member.id,
        organizationId: nida.id,
        role: "Member",
        citations: cite({ excerpt: "Three NIDA members and Hasan Huseynli free!" }),
      },
    });
    await audit("Affiliation", affiliation);
    nidaMembers.push(member);
  }

  const huseynli = await person({
    slug: "hasan-huseynli",
    fullName: "Hasan Huseynli",
    categories: ["human-rights-defender"],
    citation: { excerpt: pardonExcerpt },
  });

  const hasanov = await person({
    slug: "alayif-hasanov",
    fullName: "Alayif Hasanov",
    gender: "MALE",
    names: [{ value: "Alaif Hasanov", kind: "ALIAS" }],
    categories: ["lawyer"],
    biography: "Lawyer of Leyla Yunus and other political prisoners, himself taken to court in 2014.",
    citation: { excerpt: "Alayif Hasanov – a lawyer of Leyla Yunus and other political prisoners. His trial will be held on 8 October. He may be arrested." },
  });

  const hasanovAsLawyer = await tx.lawyer.create({
    data: {
      slug: "alayif-hasanov",
      fullName: "Alayif Hasanov",
      aliases: ["Alaif Hasanov"],
      prisonerId: hasanov.id,
      state: "PUBLISHED",
      citations: cite({ excerpt: "Alayif Hasanov – a lawyer of Leyla Yunus and other political prisoners." }),
    },
  });
  await audit("Lawyer", hasanovAsLawyer);

  // Cases -----------------------------------------------------------------------------------------
  async function criminalCase(data: {
    prisonerId: string;
    title: string;
    prosecutingBody?: string;
    summary?: string;
    charges?: string[];
    citation: Cite;
  }) {
    const row = await tx.case.create({
      data: {
        prisonerId: data.prisonerId,
        title: data.title,
        prosecutingBody: data.prosecutingBody,
        summary: data.summary,
        charges: data.charges ? { create: data.charges.map((description) => ({ description })) } : undefined,
        citations: cite(data.citation),
      },
    });
    await audit("Case", row);
    return row;
  }

  const yunusCase = await criminalCase({
    prisonerId: yunus.id,
    title: "Criminal case against Leyla Yunus",
    prosecutingBody: "Investigation (not named in the source)",
    summary: "The source does not state the charges.",
    citation: { excerpt: "Nasimi Rayon Court considered the investigation's motion to extend Intigam Aliyev and Leyla Yunus's detention period" },
  });
  const aliyevCase = await criminalCase({
    prisonerId: aliyev.id,
    title: "Criminal case against Intigam Aliyev",
    prosecutingBody: "Investigation (not named in the source)",
    summary: "The source does not state the charges.",
    citation: { excerpt: "Nasimi Rayon Court considered the investigation's motion to extend Intigam Aliyev and Leyla Yunus's detention period" },
  });
  const ismayilovaCase = await criminalCase({
    prisonerId: ismayilova.id,
    title: "Criminal libel case against Khadija Ismayilova",
    charges: ["Criminal libel"],
    citation: { excerpt: "said a criminal libel case has been opened against her and she has been ordered to appear in court on October 3." },
  });
  const hasanovCase = await criminalCase({
    prisonerId: hasanov.id,
    title: "Lawsuit by Nuriya Huseynova against Alayif Hasanov",
    prosecutingBody: "Private complaint by Nuriya Huseynova, a cellmate of Leyla Yunus",
    summary:
      "Huseynova said the lawyer called her \"a criminal\" and called it an insult, after he made public her physical pressure on Leyla Yunus in their cell (Azadlig, 17 September 2014). The lawyer believes the authorities use Huseynova to remove him from Yunus's defence.",
    charges: ["Insult (private complaint)"],
    citation: {
      excerpt:
        "Yasamal District Court of Baku considered a lawsuit by Nuriya Huseynova – cellmate of Leyla Yunus, filed against lawyer Alaif Hasanov on 29 September.",
    },
  });
  await tx.caseLawyer.create({ data: { caseId: yunusCase.id, lawyerId: hasanovAsLawyer.id } });

  // Custody ---------------------------------------------------------------------------------------
  async function custody(data: {
    prisonerId: string;
    caseId?: string;
    start: string;
    startPrecision?: "DAY" | "MONTH" | "YEAR";
    startQualifier?: "EXACT" | "ON_OR_BEFORE";
    end?: { date: string; precision: "DAY" | "MONTH" | "YEAR"; reason: "PARDON"; decreeId: string };
    placement?: { facilityId: string; citation: Cite };
    note?: string;
    citation: Cite;
  }) {
    const row = await tx.custodyPeriod.create({
      data: {
        prisonerId: data.prisonerId,
        caseId: data.caseId,
        kind: "DETENTION",
        startDate: day(data.start),
        startPrecision: data.startPrecision ?? "DAY",
        startQualifier: data.startQualifier ?? "ON_OR_BEFORE",
        endDate: data.end ? day(data.end.date) : undefined,
        endPrecision: data.end?.precision,
        releaseReason: data.end?.reason,
        releaseDecreeId: data.end?.decreeId,
        note: data.note,
        citations: cite(data.citation),
        placements: data.placement
          ? {
              create: {
                facilityId: data.placement.facilityId,
                fromDate: day(data.start),
                fromPrecision: data.startPrecision ?? "DAY",
                fromQualifier: data.startQualifier ?? "ON_OR_BEFORE",
                citations: cite(data.placement.citation),
              },
            }
          : undefined,
      },
    });
    await audit("CustodyPeriod", row);
    return row;
  }

  const yunusCustody = await custody({
    prisonerId: yunus.id,
    caseId: yunusCase.id,
    start: "2014-09-17",
    note: "Arrest date not in the source. Her lawyer's statement about pressure on her in her jail cell was published on 17 September 2014, so she was in custody by then.",
    citation: {
      excerpt:
        "Hasanov unveiled facts of physical pressure by Huseynova on Yunus in the jail cell, where they are present together. One of his statements was published in the newspaper \"Azadlig\" September 17, 2014.",
    },
  });
  const aliyevCustody = await custody({
    prisonerId: aliyev.id,
    caseId: aliyevCase.id,
    start: "2014-10-24",
    placement: {
      facilityId: bakuDetention.id,
      citation: {
        excerpt:
          "we will file the relevant legal appeals and complaints regarding Intigam Aliyev's health to the management of the Baku Detention Facility.",
      },
    },
    note: "Arrest date not in the source. He was brought to court from detention on 24 October 2014.",
    citation: {
      excerpt:
        "The court granted the investigation's motion to extend I. Aliyev's detention period, extending his imprisonment period to 8 February 2015.",
    },
  });
  const petitionNote =
    "Arrest date not in the source. A 2014 post names this person among current political prisoners who signed a petition; the record proves custody by the end of 2014 only.";
  const petitionCitation = {
    excerpt:
      "An informal survey of current political prisoners in Azerbaijan revealed ... More than 10 political prisoners (including Ilgar Mammadov, Tofig Yagublu, Leyla Yunus, Intigam Aliyev, NIDA members and others) have signed a petition",
  };
  for (const prisoner of [mammadov, yagublu]) {
    await custody({
      prisonerId: prisoner.id,
      start: "2014-01-01",
      startPrecision: "YEAR",
      note: petitionNote,
      citation: petitionCitation,
    });
  }

  // The pardon ------------------------------------------------------------------------------------
  const decree = await tx.decree.create({
    data: {
      kind: "PARDON",
      title: "Presidential pardon decree",
      signedDate: day("2014-10-01"),
      signedPrecision: "MONTH",
      signedBy: "President Ilham Aliyev",
      citations: cite({
        excerpt: "Today President İlham Aliyev signed a pardon decree. NİDA members and Hasan Huseynli are also in the list those pardoned.",
      }),
    },
  });
  await audit("Decree", decree);
  for (const freed of [...nidaMembers, huseynli]) {
    await tx.decreeBeneficiary.create({ data: { decreeId: decree.id, prisonerId: freed.id } });
    await custody({
      prisonerId: freed.id,
      start: "2014-10-01",
      startPrecision: "MONTH",
      end: { date: "2014-10-01", precision: "MONTH", reason: "PARDON", decreeId: decree.id },
      note: "Arrest date not in the source. Released by the pardon decree; the source says only \"Today\", in a post placed between the posts of early October (trials of 8-9 October) and of 25 October 2014.",
      citation: {
        excerpt:
          "Four political prisoners which appealed President Ilham Aliyev for pardon free. They are NIDA members Shahin Novruzlu, Bakhtiyar Guliev, Elsevar Mursalli and human rights defender Hasan Huseynli.",
      },
    });
  }

  // Hearings of 24 October 2014, Nasimi District Court ---------------------------------------------
  async function hearing(data: {
    caseId: string;
    courtId?: string;
    date: string;
    kind: "DETENTION_EXTENSION" | "TRIAL_SESSION" | "OTHER";
    status: "HELD" | "SCHEDULED";
    outcome?: string;
    citation: Cite;
    motions?: {
      filedBy: "DEFENCE" | "INVESTIGATION";
      kind: "EXTEND_DETENTION" | "HOUSE_ARREST_OR_BAIL" | "MEDICAL_EXAMINATION";
      description: string;
      ruling: "GRANTED" | "DISMISSED" | "NOT_CONSIDERED";
      rulingNote?: string;
      citation: Cite;
    }[];
  }) {
    const row = await tx.hearing.create({
      data: {
        caseId: data.caseId,
        courtId: data.courtId,
        date: day(data.date),
        kind: data.kind,
        status: data.status,
        outcome: data.outcome,
        citations: cite(data.citation),
      },
    });
    await audit("Hearing", row);
    const motions = [];
    for (const [position, motion] of (data.motions ?? []).entries()) {
      const created = await tx.motion.create({
        data: {
          hearingId: row.id,
          position,
          filedBy: motion.filedBy,
          kind: motion.kind,
          description: motion.description,
          ruling: motion.ruling,
          rulingNote: motion.rulingNote,
          citations: cite(motion.citation),
        },
      });
      await audit("Motion", created);
      motions.push(created);
    }
    return { row, motions };
  }

  async function extension(data: { custodyPeriodId: string; hearingId: string; motionId: string; until: string; citation: Cite }) {
    const row = await tx.detentionExtension.create({
      data: {
        custodyPeriodId: data.custodyPeriodId,
        hearingId: data.hearingId,
        motionId: data.motionId,
        orderedOn: day("2014-10-24"),
        until: day(data.until),
        citations: cite(data.citation),
      },
    });
    await audit("DetentionExtension", row);
  }

  const aliyevHearing = await hearing({
    caseId: aliyevCase.id,
    courtId: nasimi.id,
    date: "2014-10-24",
    kind: "DETENTION_EXTENSION",
    status: "HELD",
    outcome:
      "Detention extended until 8 February 2015; house arrest or bail refused; the request for a medical examination was not considered and was sent to the Prosecutor General's Office for Grave Crimes. The defence said it would appeal.",
    citation: {
      excerpt:
        "Yesterday (24 October 2014), Nasimi Rayon Court considered the investigation's motion to extend Intigam Aliyev and Leyla Yunus's detention period, as well as the defense's motion for the sentence to be replaced with house arrest or bail.",
    },
    motions: [
      {
        filedBy: "INVESTIGATION",
        kind: "EXTEND_DETENTION",
        description: "Extend detention",
        ruling: "GRANTED",
        rulingNote: "Detention extended until 8 February 2015.",
        citation: {
          excerpt:
            "The court granted the investigation's motion to extend I. Aliyev's detention period, extending his imprisonment period to 8 February 2015.",
        },
      },
      {
        filedBy: "DEFENCE",
        kind: "HOUSE_ARREST_OR_BAIL",
        description: "Replace detention with house arrest or bail",
        ruling: "DISMISSED",
        citation: {
          excerpt: "The court however dismissed our motion for I. Aliyev to serve the appointed period on bail or under house arrest.",
        },
      },
      {
        filedBy: "DEFENCE",
        kind: "MEDICAL_EXAMINATION",
        description: "Order a medical examination in view of his health",
        ruling: "NOT_CONSIDERED",
        rulingNote: "Not considered; sent to the Prosecutor General's Office for Grave Crimes.",
        citation: {
          excerpt:
            "However, the court did not consider the motion and sent it to the General Prosecutor's Office for Grave Crimes.",
        },
      },
    ],
  });
  await extension({
    custodyPeriodId: aliyevCustody.id,
    hearingId: aliyevHearing.row.id,
    motionId: aliyevHearing.motions[0].id,
    until: "2015-02-08",
    citation: { excerpt: "extending his imprisonment period to 8 February 2015." },
  });

  const yunusHearing = await hearing({
    caseId: yunusCase.id,
    courtId: nasimi.id,
    date: "2014-10-24",
    kind: "DETENTION_EXTENSION",
    status: "HELD",
    outcome: "Detention extended until 28 February 2015; house arrest or bail refused. The defence said it would appeal.",
    citation: {
      excerpt:
        "Yesterday (24 October 2014), Nasimi Rayon Court considered the investigation's motion to extend Intigam Aliyev and Leyla Yunus's detention period",
    },
    motions: [
      {
        filedBy: "INVESTIGATION",
        kind: "EXTEND_DETENTION",
        description: "Extend detention",
        ruling: "GRANTED",
        rulingNote: "Detention extended until 28 February 2015.",
        citation: {
          excerpt:
            "the court adopted the investigation's motion to prolong Leyla Yunus's detention period, extending her imprisonment to 28 February 2015.",
        },
      },
      {
        filedBy: "DEFENCE",
        kind: "HOUSE_ARREST_OR_BAIL",
        description: "Replace detention with house arrest or bail",
        ruling: "DISMISSED",
        citation: {
          excerpt: "The court dismissed our motion for Leyla Yunus to serve the appointed period on bail or under house arrest.",
        },
      },
    ],
  });
  await extension({
    custodyPeriodId: yunusCustody.id,
    hearingId: yunusHearing.row.id,
    motionId: yunusHearing.motions[0].id,
    until: "2015-02-28",
    citation: { excerpt: "extending her imprisonment to 28 February 2015." },
  });

  // The upcoming trials of October 2014 -----------------------------------------------------------
  await hearing({
    caseId: hasanovCase.id,
    courtId: yasamal.id,
    date: "2014-09-29",
    kind: "OTHER",
    status: "HELD",
    outcome: "The court considered the lawsuit. Hasanov was absent.",
    citation: {
      excerpt:
        "Yasamal District Court of Baku considered a lawsuit by Nuriya Huseynova – cellmate of Leyla Yunus, filed against lawyer Alaif Hasanov on 29 September. Hasanov himself was absent in the court.",
    },
  });
  await hearing({
    caseId: hasanovCase.id,
    date: "2014-10-08",
    kind: "TRIAL_SESSION",
    status: "SCHEDULED",
    outcome: "Announced as a trial at which he might be arrested. No outcome is recorded.",
    citation: { excerpt: "His trial will be held on 8 October. He may be arrested." },
  });
  await hearing({
    caseId: ismayilovaCase.id,
    date: "2014-10-03",
    kind: "OTHER",
    status: "SCHEDULED",
    outcome: "Ordered to appear in court. No outcome is recorded.",
    citation: { excerpt: "she has been ordered to appear in court on October 3." },
  });
  await hearing({
    caseId: ismayilovaCase.id,
    date: "2014-10-09",
    kind: "TRIAL_SESSION",
    status: "SCHEDULED",
    outcome: "Announced as a trial at which she might be arrested. No outcome is recorded.",
    citation: { excerpt: "Her trial will be held on 9 October. She may be arrested." },
  });

  // Advocacy updates ------------------------------------------------------------------------------
  async function update(data: {
    kind: "DEMONSTRATION" | "AWARD" | "APPEAL" | "PETITION";
    title: string;
    body: string;
    date: string;
    precision: "DAY" | "YEAR";
    location?: string;
    prisonerIds?: string[];
    citation: Cite;
  }) {
    const row = await tx.advocacyUpdate.create({
      data: {
        kind: data.kind,
        title: data.title,
        body: data.body,
        date: day(data.date),
        datePrecision: data.precision,
        location: data.location,
        state: "PUBLISHED",
        prisoners: data.prisonerIds ? { create: data.prisonerIds.map((prisonerId) => ({ prisonerId })) } : undefined,
        citations: cite(data.citation),
      },
    });
    await audit("AdvocacyUpdate", row);
  }

  await update({
    kind: "DEMONSTRATION",
    title: "Demonstrations at Azerbaijan's embassies in Brussels, Warsaw and London",
    body:
      "Protests calling for the release of political prisoners in Azerbaijan were held near the country's embassies. In Brussels they were organised by Friends of the IDF (FIDF) – Central Region, International Partnership for Human Rights, Civic Solidarity Platform, Front Line Defenders and others; in Warsaw by the Helsinki Foundation for Human Rights; in London, a candle protest with one candle per political prisoner, by Index on Censorship, Platform London and others.",
    date: "2014-11-17",
    precision: "DAY",
    location: "Brussels, Warsaw, London",
    citation: {
      excerpt:
        "On November 17th demonstrations asking freedom for political prisoners in Azerbaijan organized near embassies to Brussels, Warsaw and London.",
    },
  });
  await update({
    kind: "AWARD",
    title: "Andrei Sakharov Freedom Award 2014 to the political prisoners of Azerbaijan",
    body:
      "The Norwegian Helsinki Committee gave its 2014 Andrei Sakharov Freedom Award to the political prisoners in Azerbaijan. Civil society representatives and prisoners' family members received it at a ceremony in Oslo.",
    date: "2014-11-13",
    precision: "DAY",
    location: "Oslo",
    citation: {
      excerpt:
        "On 13 November Azerbaijani civil society representatives, family members of Political Prisoners received the award at ceremony in Oslo.",
    },
  });
  await update({
    kind: "PETITION",
    title: "Political prisoners' petition against government-controlled NGOs handling their cases",
    body:
      "More than ten political prisoners signed a petition declaring their concern over attempts by government-controlled NGOs to use their cases for political gain, and said they did not trust such NGOs to defend their rights.",
    date: "2014-01-01",
    precision: "YEAR",
    prisonerIds: [mammadov.id, yagublu.id, yunus.id, aliyev.id],
    citation: petitionCitation,
  });
  await update({
    kind: "APPEAL",
    title: "Civil society appeal to the Council of Europe on its joint working group",
    body:
      "Azerbaijani civil society representatives called on the Secretary General of the Council of Europe and its member states to act on the human rights crisis, criticising the composition of the new joint working group. Khadija Ismayilova, invited on 21 October, was refused entry to its first meeting.",
    date: "2014-01-01",
    precision: "YEAR",
    prisonerIds: [ismayilova.id],
    citation: {
      excerpt:
        "Although she received as official invitation to participate in the working group on October 21st, she was not allowed in on the actual day of the meeting.",
    },
  });
  await update({
    kind: "DEMONSTRATION",
    title: "Demonstration in front of the European Parliament",
    body:
      "Political refugees protested against the repression of civil society in Azerbaijan in front of the European Parliament in Brussels, joined by activists of the NIDA Civic Movement and others.",
    date: "2014-01-01",
    precision: "YEAR",
    location: "Brussels",
    citation: {
      excerpt: "Action took place in front of European Parliament in Brussels. Activists from NİDA Civic Movement, DAH, Senlibart and others joined the demonstration.",
    },
  });

  return "seeded";
}

/** Creates the demo users that are missing; running it again changes nothing. */
export async function seedDemoUsers(tx: Transaction): Promise<number> {
  let created = 0;
  for (const user of DEMO_USERS) {
    const existing = await tx.user.findUnique({ where: { email: user.email }, select: { id: true } });
    if (existing) continue;
    await createUserWithPassword(tx, seedActor, { ...user, password: DEMO_PASSWORD });
    created += 1;
  }
  return created;
}
