/**
 * For the tests (API, migration, two processes): the load of each operator as stored by the triggers of
 * AddOperatorLoad and as counted from the sessions. Equal when the triggers miss nothing.
 */
const OPERATOR_LOAD_RECOUNT = {
  stored: `SELECT "userId", "ongoing", "lastAssignedAt" FROM "livechat_operator_load"`,
  counted: `SELECT "operatorId" AS "userId", SUM(CASE WHEN "status" = 'active' THEN 1 ELSE 0 END) AS "ongoing", MAX("assignedAt") AS "lastAssignedAt"
    FROM "livechat_session" WHERE "operatorId" IS NOT NULL GROUP BY "operatorId"`,
  storedInChannel: `SELECT "userId", "channelId", "ongoing" FROM "livechat_operator_channel_load"`,
  countedInChannel: `SELECT "operatorId" AS "userId", "channelId", COUNT(*) AS "ongoing" FROM "livechat_session"
    WHERE "operatorId" IS NOT NULL AND "status" = 'active' GROUP BY "operatorId", "channelId"`,
};

type Row = Record<string, unknown>;

/** "userId[:channelId] ongoing[ lastAssignedAt]" per row, sorted; a row of nothing (none ongoing, never assigned) is left out. */
function loadTable(rows: Row[], key: string[]): string[] {
  return rows
    .filter((r) => Number(r.ongoing) !== 0 || r.lastAssignedAt != null)
    .map((r) => [key.map((k) => Number(r[k])).join(':'), Number(r.ongoing), ...('lastAssignedAt' in r ? [r.lastAssignedAt == null ? null : Number(r.lastAssignedAt)] : [])].join(' '))
    .sort();
}

/** Both tables as stored and as counted, through any way of running a statement. */
export async function storedAndCountedLoad(query: (text: string) => Promise<Row[]>) {
  const q = OPERATOR_LOAD_RECOUNT;
  return {
    stored: { all: loadTable(await query(q.stored), ['userId']), inChannel: loadTable(await query(q.storedInChannel), ['userId', 'channelId']) },
    counted: { all: loadTable(await query(q.counted), ['userId']), inChannel: loadTable(await query(q.countedInChannel), ['userId', 'channelId']) },
  };
}
