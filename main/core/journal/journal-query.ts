import { COUNT_CAP } from '../../../shared/journal/schema';
import type { ParsedInput } from '../../../shared/contract';

const ROW_COLUMNS = `s.id, s.kind, s.date, s.start_time, s.duration_min, s.topics, s.operators, s.procedure_name,
  s.workshop_title, s.participants, s.outcome, s.follow_up_due, s.follow_up_closed_at`;

/**
 * Builds the journal's list query. With years of history the filter must walk an index in the order of the page:
 * an operator or topic filter drives from its link table (keyed operator, date, seq), anything else from the
 * sessions' date index; counting stops at COUNT_CAP + 1 rows.
 */
export function listQuery(query: ParsedInput<'journal.list'>) {
  const f = query.filter;
  const params: Record<string, string | number> = {};
  const where: string[] = ['s.deleted_at IS NULL'];
  let from = 'sessions s';
  let dateCol = 's.date';

  if (f.operator) {
    from = 'session_operators d JOIN sessions s ON s.seq = d.seq';
    dateCol = 'd.date';
    where.push('d.operator = @operator');
    params.operator = f.operator;
  } else if (f.topic) {
    from = 'session_topics d JOIN sessions s ON s.seq = d.seq';
    dateCol = 'd.date';
    where.push('d.topic = @topic');
    params.topic = f.topic;
  }
  if (f.operator && f.topic) {
    where.push('EXISTS (SELECT 1 FROM session_topics t WHERE t.topic = @topic AND t.date = s.date AND t.seq = s.seq)');
    params.topic = f.topic;
  }
  if (f.from) {
    where.push(`${dateCol} >= @from`);
    params.from = f.from;
  }
  if (f.to) {
    where.push(`${dateCol} <= @to`);
    params.to = f.to;
  }
  if (f.kind) {
    where.push('s.kind = @kind');
    params.kind = f.kind;
  }
  if (f.outcome) {
    where.push('s.outcome = @outcome');
    params.outcome = f.outcome;
  }
  if (f.followUpDue) where.push('s.follow_up_due IS NOT NULL AND s.follow_up_closed_at IS NULL');

  const seqCol = from === 'sessions s' ? 's.seq' : 'd.seq';
  const order = {
    date_desc: `${dateCol} DESC, ${seqCol} DESC`,
    date_asc: `${dateCol} ASC, ${seqCol} ASC`,
    duration_desc: `s.duration_min DESC, ${dateCol} DESC`,
    duration_asc: `s.duration_min ASC, ${dateCol} ASC`,
  }[query.sort];

  const body = `FROM ${from} WHERE ${where.join(' AND ')}`;
  params.limit = query.limit;
  params.offset = query.offset;
  return {
    rowsSql: `SELECT ${ROW_COLUMNS} ${body} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    countSql: `SELECT count(*) AS n FROM (SELECT 1 ${body} LIMIT ${COUNT_CAP + 1})`,
    params,
  };
}
