/**
 * The protocol of a meeting as a report document (shared/report/model.ts), so the report writers
 * produce its DOCX and PDF: the meeting's details, the agenda, those present, and the instructions
 * given with their responsible body, official, deadline and status at the time of printing.
 * Instructions name bodies and officials only; no appeal's personal data enters the protocol.
 */
import { formatIsoDay } from '../domain/ru-text';
import type { ReportDocument } from '../report/model';
import { regionDay } from '../domain/time';
import { effectiveStatus, type EffectiveStatus, type InstructionStatus } from './lifecycle';
import type { Instruction, Meeting, MeetingKind } from './meetings';

export const MEETING_KIND_TITLES: Record<MeetingKind, string> = {
  operative: 'Оперативное совещание',
  'citizens-reception': 'Приём граждан',
  headquarters: 'Заседание штаба',
};

export const INSTRUCTION_STATUS_TITLES: Record<EffectiveStatus<InstructionStatus>, string> = {
  issued: 'выдано',
  'in-progress': 'в работе',
  done: 'исполнено',
  withdrawn: 'снято',
  overdue: 'просрочено',
};

export interface ProtocolInput {
  meeting: Meeting;
  instructions: readonly Instruction[];
  now: number;
  timeZone: string;
  author: string;
  demo: boolean;
}

export function buildMeetingProtocol({ meeting, instructions, now, timeZone, author, demo }: ProtocolInput): ReportDocument {
  const day = formatIsoDay(meeting.day);
  const ordered = [...instructions].sort((a, b) => a.number - b.number || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  return {
    kind: 'meeting',
    title: `Протокол: ${MEETING_KIND_TITLES[meeting.kind]}`,
    periodLabel: `${day} — ${meeting.title}`,
    period: { from: meeting.day, to: meeting.day, code: meeting.day },
    incomplete: null,
    scopeLabel: meeting.playlist ? `Видеостена: плейлист «${meeting.playlist}»` : 'Видеостена не использовалась',
    dataAgeLabel: `Состояние поручений на ${formatIsoDay(regionDay(now, timeZone))}`,
    generatedLabel: `Составил: ${author}`,
    sources: ['записи ЦУР'],
    demo,
    author,
    sections: [
      {
        title: 'Повестка',
        blocks: meeting.agenda.length
          ? meeting.agenda.map((item, i) => ({ type: 'paragraph' as const, text: `${i + 1}. ${item}` }))
          : [{ type: 'note', text: 'Повестка не записана.' }],
      },
      {
        title: 'Присутствовали',
        blocks: [meeting.participants.trim() ? { type: 'paragraph', text: meeting.participants.trim() } : { type: 'note', text: 'Участники не записаны.' }],
      },
      {
        title: 'Поручения',
        blocks: ordered.length
          ? [
              {
                type: 'table',
                name: 'Поручения',
                title: 'Поручения совещания',
                columns: [
                  { label: '№', kind: 'count' },
                  { label: 'Поручение', kind: 'text' },
                  { label: 'Ответственный орган', kind: 'text' },
                  { label: 'Ответственное лицо', kind: 'text' },
                  { label: 'Срок', kind: 'text' },
                  { label: 'Состояние', kind: 'text' },
                ],
                rows: ordered.map((r, i) => [
                  r.number || i + 1,
                  r.text,
                  r.responsibleBody,
                  r.responsibleOfficial || '—',
                  formatIsoDay(r.dueDay),
                  INSTRUCTION_STATUS_TITLES[effectiveStatus('instruction', r, now)],
                ]),
              },
            ]
          : [{ type: 'note', text: 'Поручений не дано.' }],
      },
    ],
  };
}
