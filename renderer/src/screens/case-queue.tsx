/**
 * The case queue: every open case, soonest due first, with where it stands in colour and in
 * words. Filtering, search, sorting and paging all happen in SQLite; this screen keeps only the
 * pages it has shown and draws only the rows in view (@tanstack/react-virtual), so 50,000 cases
 * scroll as smoothly as fifty.
 */
import {
  useCallback,
  useEffect,
  useId,
  useReducer,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { CASE_STATUSES, REGIMES } from '../../../shared/case-format';
import type { QueueCursor, QueueFacets, QueueQuery, QueueRow } from '../../../shared/contract';
import type { StatsCases } from '../../../shared/stats';
import { call, errorMessage } from '../api';
import { Alert, CheckboxField, SelectField } from '../components/fields';
import { ProgressBadge, StatusTag } from '../components/badges';
import { IntegrityBanner } from '../components/integrity-banner';
import { VisibleText } from '../components/visible-text';
import { formatUkDate, OUTCOME_LABELS, REGIME_LABELS, STATUS_LABELS } from '../format';

export interface QueueQueryState {
  view: 'open' | 'closed' | 'all';
  status: '' | (typeof CASE_STATUSES)[number];
  regime: '' | (typeof REGIMES)[number];
  officer: string;
  department: string;
  /** The cases behind a figure on the Statistics screen, and the words for it. */
  stats: { cases: StatsCases; label: string } | null;
  overdue: boolean;
  /** Only cases with a contributor task still waiting on a department. */
  waiting: boolean;
  search: string;
  /** `relevance`: the best matches of the search first (chosen when a search starts). */
  sort: 'due' | 'received' | 'reference' | 'relevance';
  direction: 'asc' | 'desc';
}

export const INITIAL_QUEUE: QueueQueryState = {
  view: 'open',
  status: '',
  regime: '',
  officer: '',
  department: '',
  stats: null,
  overdue: false,
  waiting: false,
  search: '',
  sort: 'due',
  direction: 'asc',
};

const PAGE_SIZE = 100;
const ROW_HEIGHT = 52;
/** The sticky column headings at the top of the scrolling grid. */
const HEAD_HEIGHT = 44;
const SEARCH_DELAY_MS = 250;

/** Every word under three characters: the word index cannot look them up, so they wait for a pause. */
function onlyShortWords(text: string): boolean {
  return text
    .trim()
    .split(/\s+/)
    .every((word) => word.length < 3);
}

function toQuery(state: QueueQueryState, page: number): QueueQuery {
  const q: QueueQuery = {
    view: state.view,
    // Best match ranks a search; with no search it is the due-date order.
    sort: state.sort === 'relevance' && !state.search.trim() ? 'due' : state.sort,
    direction: state.direction,
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
  if (state.status) q.status = state.status;
  if (state.regime) q.regime = state.regime;
  if (state.officer) q.officer = state.officer;
  if (state.department) q.department = state.department;
  if (state.stats) q.stats = state.stats.cases;
  if (state.overdue) q.overdue = true;
  if (state.waiting) q.waiting = true;
  if (state.search.trim()) q.search = state.search.trim();
  return q;
}

const SORT_WORDS: Record<QueueQueryState['sort'], [string, string]> = {
  due: ['due date, soonest first', 'due date, latest first'],
  received: ['date received, oldest first', 'date received, newest first'],
  reference: ['reference, A to Z', 'reference, Z to A'],
  relevance: ['best match first', 'best match first'],
};

/**
 * A search that starts ranks by best match; one cleared goes back to the due-date order. A sort the
 * officer picks while searching is kept.
 */
export function withSearch(state: QueueQueryState, search: string): QueueQueryState {
  const searching = search.trim() !== '';
  const wasSearching = state.search.trim() !== '';
  if (searching && !wasSearching) return { ...state, search, sort: 'relevance', direction: 'asc' };
  if (!searching && state.sort === 'relevance') return { ...state, search, sort: 'due', direction: 'asc' };
  return { ...state, search };
}

/** A closed case: whether it was answered by its due date, in colour and in words. */
function AnsweredBadge({ row }: { row: QueueRow }) {
  if (!row.responded || !row.due) {
    return (
      <span className="badge badge--closed">
        <span className="badge__dot" aria-hidden="true" />
        <span>Closed</span>
      </span>
    );
  }
  const late = row.responded > row.due;
  return (
    <span className={`badge ${late ? 'badge--late' : 'badge--closed'}`}>
      <span className="badge__dot" aria-hidden="true" />
      <span>{late ? 'Answered late' : 'Answered on time'}</span>
    </span>
  );
}

export function CaseQueue({
  query,
  onQuery,
  onOpenCase,
  onNewCase,
}: {
  query: QueueQueryState;
  onQuery: (q: QueueQueryState) => void;
  onOpenCase: (id: number) => void;
  onNewCase: () => void;
}) {
  const uid = useId();
  const [facets, setFacets] = useState<QueueFacets | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [searchText, setSearchText] = useState(query.search);
  const pages = useRef(new Map<number, QueueRow[]>());
  const cursors = useRef(new Map<number, QueueCursor>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const listRef = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const queryKey = JSON.stringify(query);

  useEffect(() => heading.current?.focus(), []);

  const loadPage = useCallback(
    (page: number) => {
      if (pages.current.has(page) || loading.current.has(page)) return;
      const gen = generation.current;
      loading.current.add(page);
      // The page after one already shown starts after its last row (keyset: no OFFSET to step over).
      const after = cursors.current.get(page - 1);
      call('cases:list', after ? { ...toQuery(query, page), after } : toQuery(query, page)).then(
        (result) => {
          if (gen !== generation.current) return;
          loading.current.delete(page);
          pages.current.set(page, result.rows);
          if (result.next) cursors.current.set(page, result.next);
          setTotal(result.total);
          setError(null);
          redraw();
        },
        (e: unknown) => {
          if (gen !== generation.current) return;
          loading.current.delete(page);
          setError(errorMessage(e));
        },
      );
    },
    // The query is compared by its JSON key, so a new object with the same filters reloads nothing.
    [queryKey],
  );

  // The query the pages held were read for (loadPage changes with it): until the effect below has
  // cleared them, a render after the query changed still holds the last query's pages, which are
  // not its answer, and must not say it is ready.
  const pagesKey = useRef<string | null>(null);
  useEffect(() => {
    generation.current++;
    pagesKey.current = queryKey;
    pages.current.clear();
    cursors.current.clear();
    loading.current.clear();
    setTotal(null);
    setActive(0);
    listRef.current?.scrollTo({ top: 0 });
    loadPage(0);
  }, [loadPage]);

  // The counts and names beside the queue are the whole register's, whatever the filter: read once
  // each time the queue is shown, not again for every search or filter (a read the next waits for).
  useEffect(() => {
    call('cases:facets', {}).then(setFacets, () => undefined);
  }, []);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total === null) return;
    for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) loadPage(p);
  }, [first, last, total, loadPage]);

  const rowAt = (index: number): QueueRow | undefined =>
    pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  const set = (patch: Partial<QueueQueryState>) => onQuery({ ...query, ...patch });

  const moveTo = (index: number) => {
    if (!total) return;
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const pageRows = Math.max(1, Math.floor((listRef.current?.clientHeight ?? 520) / ROW_HEIGHT) - 1);
    switch (e.key) {
      case 'ArrowDown':
        moveTo(active + 1);
        break;
      case 'ArrowUp':
        moveTo(active - 1);
        break;
      case 'PageDown':
        moveTo(active + pageRows);
        break;
      case 'PageUp':
        moveTo(active - pageRows);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo((total ?? 1) - 1);
        break;
      case 'Enter':
      case ' ': {
        const row = rowAt(active);
        if (row) onOpenCase(row.id);
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  };

  const sortButton = (key: QueueQueryState['sort'], label: string) => {
    const current = query.sort === key;
    return (
      <div
        role="columnheader"
        className="queue__cell"
        aria-sort={current ? (query.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      >
        <button
          type="button"
          className="queue__sort"
          onClick={() => set({ sort: key, direction: current && query.direction === 'asc' ? 'desc' : 'asc' })}
        >
          {label}
          <span aria-hidden="true" className="queue__arrow">
            {current ? (query.direction === 'asc' ? '▲' : '▼') : ''}
          </span>
        </button>
      </div>
    );
  };

  const ready = pagesKey.current === queryKey && total !== null && pages.current.has(0);

  // Typing in the search box searches at once when the queue is idle; while a page is still on its
  // way, the text typed meanwhile is searched as soon as it arrives (the latest text only, so fast
  // typing never queues up searches). Words all under three characters, which the word index cannot
  // look up, wait for a pause; Enter searches at once.
  const idle = ready || error !== null;
  useEffect(() => {
    if (searchText === query.search || !idle) return undefined;
    const timer = window.setTimeout(
      () => onQuery(withSearch(query, searchText)),
      onlyShortWords(searchText) ? SEARCH_DELAY_MS : 0,
    );
    return () => window.clearTimeout(timer);
  }, [searchText, query, onQuery, idle]);
  // A keystroke on an idle queue searches in the same render as it shows the letter (the effect
  // above would take a render and a timer more: 10–20 ms before the search was even asked for).
  const typed = (text: string) => {
    setSearchText(text);
    if (idle && text !== query.search && !onlyShortWords(text)) onQuery(withSearch(query, text));
  };
  const viewName = query.view === 'open' ? 'open' : query.view === 'closed' ? 'closed' : '';
  const filtered = Boolean(
    query.status ||
    query.regime ||
    query.officer ||
    query.department ||
    query.stats ||
    query.overdue ||
    query.waiting ||
    query.search,
  );
  const activeRow = rowAt(active);

  return (
    <div className="queue" data-screen="queue">
      <div className="page-head">
        <h1 className="page-title" ref={heading} tabIndex={-1}>
          Case queue
        </h1>
        <button type="button" className="button" onClick={onNewCase}>
          Log a request
        </button>
      </div>

      <IntegrityBanner refresh={queryKey} />

      <div className="queue__tools">
        <div className="segmented" role="group" aria-label="Which cases">
          {(['open', 'closed', 'all'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className="segmented__button"
              aria-pressed={query.view === v}
              onClick={() => set({ view: v, status: '' })}
            >
              {v === 'open' ? 'Open' : v === 'closed' ? 'Closed' : 'All'}
              {facets && v !== 'all' ? (
                <span className="segmented__count">{facets.counts[v].toLocaleString('en-GB')}</span>
              ) : null}
            </button>
          ))}
        </div>
        <form
          className="search"
          role="search"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            onQuery(withSearch(query, searchText));
          }}
        >
          <label className="search__label" htmlFor={`${uid}-search`}>
            Search
          </label>
          <input
            id={`${uid}-search`}
            className="input search__input"
            type="search"
            placeholder="Reference, subject, requester or request text"
            value={searchText}
            onChange={(e) => typed(e.target.value)}
          />
          <button type="submit" className="button button--secondary search__button">
            Search
          </button>
          {query.search.trim() ? (
            <button
              type="button"
              className="button button--link"
              aria-pressed={query.sort === 'relevance'}
              onClick={() => set({ sort: 'relevance', direction: 'asc' })}
            >
              Best match first
            </button>
          ) : null}
        </form>
      </div>
      {query.stats ? (
        <div className="queue__stats" role="status" data-testid="stats-filter">
          <span>
            Showing the cases behind: <strong>{query.stats.label}</strong>
          </span>
          <button type="button" className="button button--link" onClick={() => set({ stats: null })}>
            Show all cases
          </button>
        </div>
      ) : null}
      <div className="queue__filters">
        <SelectField
          label="Status"
          value={query.status}
          onChange={(v) => set({ status: v as QueueQueryState['status'] })}
          options={[
            { value: '', label: 'Any status' },
            ...CASE_STATUSES.filter((s) =>
              query.view === 'open' ? s !== 'closed' : query.view === 'closed' ? s === 'closed' : true,
            ).map((s) => ({
              value: s,
              label: STATUS_LABELS[s] ?? s,
            })),
          ]}
        />
        <SelectField
          label="Regime"
          value={query.regime}
          onChange={(v) => set({ regime: v as QueueQueryState['regime'] })}
          options={[
            { value: '', label: 'Any regime' },
            ...REGIMES.map((r) => ({ value: r, label: REGIME_LABELS[r] ?? r })),
          ]}
        />
        <SelectField
          label="Officer"
          value={query.officer}
          onChange={(v) => set({ officer: v })}
          options={[
            { value: '', label: 'Anyone' },
            ...(facets?.officers ?? []).map((o) => ({ value: o, label: o })),
          ]}
        />
        {facets?.departments.length || query.department ? (
          <SelectField
            label="Department"
            value={query.department}
            onChange={(v) => set({ department: v })}
            options={[
              { value: '', label: 'Any department' },
              ...(facets?.departments ?? []).map((d) => ({ value: d, label: d })),
              ...(query.department && !facets?.departments.includes(query.department)
                ? [{ value: query.department, label: query.department }]
                : []),
            ]}
          />
        ) : null}
        <CheckboxField
          label={`Overdue only${facets ? ` (${facets.counts.overdue.toLocaleString('en-GB')})` : ''}`}
          checked={query.overdue}
          onChange={(checked) =>
            set({ overdue: checked, view: checked && query.view === 'closed' ? 'open' : query.view })
          }
        />
        <CheckboxField
          label={`Waiting on departments${facets ? ` (${facets.waitingOnDepartments.toLocaleString('en-GB')})` : ''}`}
          checked={query.waiting}
          onChange={(checked) =>
            set({ waiting: checked, view: checked && query.view === 'closed' ? 'open' : query.view })
          }
        />
        {filtered ? (
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              setSearchText('');
              onQuery(
                query.sort === 'relevance'
                  ? { ...INITIAL_QUEUE, view: query.view }
                  : { ...INITIAL_QUEUE, view: query.view, sort: query.sort, direction: query.direction },
              );
            }}
          >
            Clear filters
          </button>
        ) : null}
      </div>

      <p className="queue__summary" aria-live="polite" data-testid="queue-summary">
        {total === null
          ? 'Loading cases…'
          : `${total.toLocaleString('en-GB')} ${viewName ? `${viewName} ` : ''}case${total === 1 ? '' : 's'}${filtered ? ' matching' : ''}, sorted by ${SORT_WORDS[query.sort][query.direction === 'asc' ? 0 : 1]}.`}
        {total ? (
          <span className="queue__keys">
            {' '}
            Use the arrow keys to move through the list and Enter to open a case.
          </span>
        ) : null}
      </p>
      {error ? <Alert>{error}</Alert> : null}

      <div
        className="queue__grid"
        role="grid"
        aria-label="Cases"
        aria-rowcount={(total ?? 0) + 1}
        aria-colcount={9}
        aria-busy={!ready}
        aria-activedescendant={activeRow ? `${uid}-row-${active}` : undefined}
        tabIndex={0}
        data-ready={ready ? 'true' : 'false'}
        data-total={total ?? ''}
        onKeyDown={onGridKey}
        ref={listRef}
      >
        <div role="rowgroup" className="queue__head">
          <div role="row" className="queue__row queue__row--head" aria-rowindex={1}>
            {sortButton('reference', 'Reference')}
            <div role="columnheader" className="queue__cell">
              Subject
            </div>
            <div role="columnheader" className="queue__cell">
              Regime
            </div>
            {sortButton('received', 'Received')}
            {sortButton('due', 'Due')}
            <div role="columnheader" className="queue__cell">
              Working days
            </div>
            <div role="columnheader" className="queue__cell">
              Deadline
            </div>
            <div role="columnheader" className="queue__cell">
              Status
            </div>
            <div role="columnheader" className="queue__cell">
              Officer
            </div>
          </div>
        </div>
        <div role="rowgroup" className="queue__body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const isActive = item.index === active;
            return (
              <div
                key={item.key}
                id={`${uid}-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isActive}
                className={`queue__row${isActive ? ' queue__row--active' : ''}${row ? ` queue__row--${row.progress}` : ''}`}
                style={{ transform: `translateY(${item.start - HEAD_HEIGHT}px)`, height: item.size }}
                data-reference={row?.reference}
                onClick={() => {
                  setActive(item.index);
                  if (row) onOpenCase(row.id);
                }}
              >
                {row ? (
                  <>
                    <div role="gridcell" className="queue__cell queue__ref">
                      {row.reference}
                    </div>
                    <div role="gridcell" className="queue__cell queue__subject">
                      <span className="queue__subject-text">
                        <VisibleText text={row.subject} />
                      </span>
                      <span className="queue__requester">
                        {row.sensitive ? <span className="tag tag--sensitive">Sensitive</span> : null}
                        <VisibleText text={row.requester} />
                      </span>
                    </div>
                    <div role="gridcell" className="queue__cell">
                      {REGIME_LABELS[row.regime] ?? row.regime}
                    </div>
                    <div role="gridcell" className="queue__cell">
                      {formatUkDate(row.received)}
                    </div>
                    <div role="gridcell" className="queue__cell queue__due">
                      {row.due ? formatUkDate(row.due) : '–'}
                    </div>
                    <div role="gridcell" className="queue__cell queue__days">
                      {row.workingDaysLeft === null
                        ? '–'
                        : row.workingDaysLeft === 0
                          ? 'Due today'
                          : row.workingDaysLeft > 0
                            ? `${row.workingDaysLeft} left`
                            : `${-row.workingDaysLeft} late`}
                    </div>
                    <div role="gridcell" className="queue__cell">
                      {row.progress === 'closed' ? (
                        <AnsweredBadge row={row} />
                      ) : (
                        <ProgressBadge state={row.progress} days={null} />
                      )}
                    </div>
                    <div role="gridcell" className="queue__cell">
                      {row.status === 'closed' && row.outcome ? (
                        <span className="tag tag--closed">{OUTCOME_LABELS[row.outcome] ?? row.outcome}</span>
                      ) : (
                        <StatusTag status={row.status} />
                      )}
                      {row.openTasks > 0 ? (
                        <span className="tag tag--waiting" data-testid="open-tasks">
                          {row.openTasks} with {row.openTasks === 1 ? 'a department' : 'departments'}
                        </span>
                      ) : null}
                    </div>
                    <div role="gridcell" className="queue__cell queue__officer">
                      {row.officer ?? <span className="muted">Not assigned</span>}
                    </div>
                  </>
                ) : (
                  <div role="gridcell" className="queue__cell queue__loading" aria-colspan={9}>
                    Loading…
                  </div>
                )}
              </div>
            );
          })}
        </div>
        {ready && total === 0 ? (
          <div className="queue__empty" role="row">
            <div role="gridcell">
              {filtered
                ? 'No cases match.'
                : query.view === 'open'
                  ? 'No open cases. Log a request to start.'
                  : 'No cases here yet.'}
              {query.view !== 'all' && query.search ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button--link"
                    onClick={() => set({ view: 'all', status: '' })}
                  >
                    Search all cases, open and closed
                  </button>
                </>
              ) : null}
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
