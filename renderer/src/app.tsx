/**
 * The app shell: the unlock screen while locked; once a file is open, the header with the screens
 * and the Lock button. Locking (the button, Ctrl+L or the idle timer) asks main to close the file,
 * then drops every screen and its state, so no case data stays in the page.
 */
import { BackupReminder } from './backup/backup-reminder';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftView, SessionStatus } from '../../shared/contract';
import { call, errorMessage, onLocked } from './api';
import { Alert } from './components/fields';
import { UnlockScreen } from './screens/unlock-screen';
import { CaseQueue, INITIAL_QUEUE, type QueueQueryState } from './screens/case-queue';
import { NewCase } from './screens/new-case';
import { CasePage } from './screens/case-page';
import { SettingsScreen } from './screens/settings-screen';
import { DisclosureLogScreen } from './screens/disclosure-log-screen';
import { StatisticsScreen } from './screens/statistics-screen';
import { ImportLog } from './screens/import-log';
import { StandardAnswersScreen } from './screens/standard-answers-screen';
import { RetentionScreen } from './screens/retention-screen';
import { DraftOffer, UnsavedChangesProvider, useUnsavedChangesRegistry } from './unsaved/unsaved-changes';
import type { EmailIntakeProposal } from '../../shared/contract';
import { EmailDrop } from './intake/email-drop';
import { EmailReview } from './intake/email-review';

export type Route =
  | { name: 'queue' }
  | { name: 'case'; id: number }
  | { name: 'new' }
  | { name: 'settings' }
  | { name: 'disclosure-log' }
  // A request read from an email, in review before it is logged.
  | { name: 'intake'; proposal: EmailIntakeProposal }
  | { name: 'statistics' }
  | { name: 'import' }
  | { name: 'standard-answers' }
  | { name: 'retention' };

/** How often the page tells main whether the officer did something, and asks when the lock is due. */
const HEARTBEAT_MS = 60_000;

/**
 * The idle lock, counted by main (it knows every call): the page reports the officer's key presses,
 * clicks and scrolls with each heartbeat, and main answers how long until the lock is due. When it
 * is due the page calls `onDue` (which saves drafts, then locks); main locks on its own only a grace
 * period later, for a page that is gone.
 */
function useIdleLock(
  dueInSeconds: number | null | undefined,
  onDue: () => void,
  onLockedElsewhere: () => void,
): void {
  const open = dueInSeconds !== undefined;
  const latestDue = useRef(dueInSeconds);
  latestDue.current = dueInSeconds;
  useEffect(() => {
    if (!open) return undefined;
    let activeSinceBeat = false;
    let timer: number | undefined;
    let stopped = false;
    const mark = () => {
      activeSinceBeat = true;
    };
    const events = ['keydown', 'pointerdown', 'wheel', 'touchstart', 'focusin'] as const;
    for (const e of events) window.addEventListener(e, mark, { passive: true, capture: true });
    let lastMove = 0;
    const move = () => {
      const now = Date.now();
      if (now - lastMove > 1000) {
        lastMove = now;
        mark();
      }
    };
    window.addEventListener('pointermove', move, { passive: true });
    const schedule = (due: number | null) => {
      if (stopped) return;
      const wait = due === null ? HEARTBEAT_MS : Math.min(HEARTBEAT_MS, Math.max(due, 1) * 1000);
      timer = window.setTimeout(beat, wait);
    };
    const beat = () => {
      const active = activeSinceBeat;
      activeSinceBeat = false;
      call('session:status', { active }).then(
        (s) => {
          if (stopped) return;
          if (s.state === 'locked') onLockedElsewhere();
          else if (s.idleLockDueInSeconds === 0) onDue();
          else schedule(s.idleLockDueInSeconds);
        },
        () => schedule(null),
      );
    };
    schedule(latestDue.current ?? null);
    return () => {
      stopped = true;
      for (const e of events) window.removeEventListener(e, mark, { capture: true });
      window.removeEventListener('pointermove', move);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [open, onDue, onLockedElsewhere]);
}

/** The status with the file shown as locked, before main says so. */
function asLocked(s: SessionStatus | null): SessionStatus | null {
  return s ? { ...s, state: 'locked', file: null, idleLockMinutes: null, idleLockDueInSeconds: null } : s;
}

export function App() {
  return (
    <UnsavedChangesProvider>
      <Shell />
    </UnsavedChangesProvider>
  );
}

function Shell() {
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [route, setRoute] = useState<Route>({ name: 'queue' });
  const [notice, setNotice] = useState<string | null>(null);
  const [queueQuery, setQueueQuery] = useState<QueueQueryState>(INITIAL_QUEUE);
  // Bumped on every lock: the screens are mounted afresh, with none of the old state.
  const [sessionKey, setSessionKey] = useState(0);
  // What the page shows now; "locked elsewhere" is news only while it still shows the file, so a
  // late answer cannot replace the idle-lock notice.
  const shownState = useRef(status?.state);
  shownState.current = status?.state;
  const unsaved = useUnsavedChangesRegistry();

  useEffect(() => {
    call('session:status', {}).then(setStatus, (e: unknown) => setStartError(errorMessage(e)));
  }, []);

  /** The page forgets the session: the screens are mounted afresh, with none of the old state. */
  const forget = useCallback(
    (message: string) => {
      unsaved.reset();
      setRoute({ name: 'queue' });
      setQueueQuery(INITIAL_QUEUE);
      setSessionKey((k) => k + 1);
      setNotice(message);
    },
    [unsaved],
  );
  const refreshStatus = useCallback(
    () => call('session:status', {}).then(setStatus, () => setStatus(asLocked)),
    [],
  );
  const dropEverything = useCallback(
    (message: string) => {
      forget(message);
      void refreshStatus();
    },
    [forget, refreshStatus],
  );

  // Main's status once it has locked, unless the officer has unlocked again meanwhile.
  const afterLock = useCallback(
    () =>
      call('session:status', {}).then(
        (s) => {
          if (shownState.current === 'locked') setStatus(s);
        },
        () => undefined,
      ),
    [],
  );

  const locking = useRef(false);
  const lock = useCallback(
    (message = 'The case file is locked. Enter the passphrase to open it again.') => {
      if (locking.current) return;
      locking.current = true;
      // Unsaved edits go into the case file as drafts first, to be offered back after unlocking.
      void unsaved
        .saveDrafts()
        .then(() => {
          // Hide the data at once, with the unlock screen the officer will type into: main closes
          // the file and forgets the key (after the automatic backup, which can take a while), and
          // its answer only refreshes the status, so nothing typed meanwhile is lost.
          shownState.current = 'locked';
          setStatus(asLocked);
          forget(message);
          return call('session:lock', {});
        })
        .then(afterLock, afterLock)
        .finally(() => {
          locking.current = false;
        });
    },
    [afterLock, forget, unsaved],
  );

  const onIdle = useCallback(
    () => lock('Locked after a period without activity. Enter the passphrase to open the case file again.'),
    [lock],
  );
  const onLockedElsewhere = useCallback(() => {
    if (shownState.current !== 'open') return;
    dropEverything('The case file was locked. Enter the passphrase to open it again.');
  }, [dropEverything]);
  useIdleLock(status?.state === 'open' ? status.idleLockDueInSeconds : undefined, onIdle, onLockedElsewhere);
  useEffect(() => {
    onLocked(onLockedElsewhere);
    return () => onLocked(null);
  }, [onLockedElsewhere]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (
        (e.ctrlKey || e.metaKey) &&
        !e.altKey &&
        !e.shiftKey &&
        e.key.toLowerCase() === 'l' &&
        status?.state === 'open'
      ) {
        e.preventDefault();
        lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [status?.state, lock]);

  if (startError) {
    return (
      <main className="start-error" id="main">
        <h1>FOI Desk could not start</h1>
        <Alert>{startError}</Alert>
      </main>
    );
  }
  if (!status) {
    return (
      <p className="loading" role="status">
        Starting FOI Desk…
      </p>
    );
  }
  if (status.state === 'locked') {
    return (
      <UnlockScreen
        key={`unlock-${sessionKey}`}
        status={status}
        notice={notice}
        onStatus={setStatus}
        onOpened={(s) => {
          setStatus(s);
          setNotice(null);
          setRoute({ name: 'queue' });
        }}
      />
    );
  }

  // Leaving a page with unsaved changes asks first (save, discard or stay).
  const go = (next: Route) => {
    if (sameRoute(route, next)) return;
    unsaved.guard(() => setRoute(next));
  };
  const openDraft = (draft: DraftView) => {
    if (draft.key.startsWith('settings:')) setRoute({ name: 'settings' });
    else if (draft.caseId !== null) setRoute({ name: 'case', id: draft.caseId });
  };
  let screen;
  switch (route.name) {
    case 'queue':
      screen = (
        <>
          <EmailDrop onProposal={(proposal) => go({ name: 'intake', proposal })} />
          <CaseQueue
            query={queueQuery}
            onQuery={setQueueQuery}
            onOpenCase={(id) => go({ name: 'case', id })}
            onNewCase={() => go({ name: 'new' })}
          />
        </>
      );
      break;
    case 'intake':
      screen = (
        <EmailReview
          key={route.proposal.intakeId}
          proposal={route.proposal}
          onCreated={(id) => go({ name: 'case', id })}
          onCancel={() => go({ name: 'queue' })}
        />
      );
      break;
    case 'new':
      screen = (
        <NewCase onCreated={(id) => go({ name: 'case', id })} onCancel={() => go({ name: 'queue' })} />
      );
      break;
    case 'case':
      screen = <CasePage key={route.id} id={route.id} onBack={() => go({ name: 'queue' })} />;
      break;
    case 'disclosure-log':
      screen = <DisclosureLogScreen onOpenCase={(id) => go({ name: 'case', id })} />;
      break;
    case 'statistics':
      screen = (
        <StatisticsScreen
          onShowCases={(click) => {
            // The queue shows every case (open and closed) behind the figure, oldest received first.
            setQueueQuery({ ...INITIAL_QUEUE, view: 'all', sort: 'received', stats: click });
            go({ name: 'queue' });
          }}
        />
      );
      break;
    case 'import':
      screen = <ImportLog onDone={() => go({ name: 'queue' })} />;
      break;
    case 'standard-answers':
      screen = <StandardAnswersScreen />;
      break;
    case 'retention':
      screen = <RetentionScreen onOpenCase={(id) => go({ name: 'case', id })} />;
      break;
    case 'settings':
      screen = (
        <SettingsScreen
          onSettingsChanged={() => {
            // The idle lock may have changed: main says when it is due now.
            call('session:status', {}).then(setStatus, () => undefined);
          }}
        />
      );
      break;
  }

  return (
    <div className="app" key={`app-${sessionKey}`}>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="header">
        <div className="header__inner">
          <p className="header__logo">FOI Desk</p>
          <p className="header__file" title={status.file?.path}>
            <span className="visually-hidden">Open case file: </span>
            {status.file?.name}
          </p>
          <nav className="nav" aria-label="Main">
            <button
              type="button"
              className="nav__link"
              aria-current={route.name === 'queue' || route.name === 'case' ? 'page' : undefined}
              onClick={() => go({ name: 'queue' })}
            >
              Case queue
            </button>
            <button
              type="button"
              className="nav__link"
              aria-current={route.name === 'new' ? 'page' : undefined}
              onClick={() => go({ name: 'new' })}
            >
              Log a request
            </button>
            <button
              type="button"
              className="nav__link"
              aria-current={route.name === 'disclosure-log' ? 'page' : undefined}
              onClick={() => go({ name: 'disclosure-log' })}
            >
              Disclosure log
            </button>
            <button
              type="button"
              className="nav__link"
              aria-current={route.name === 'statistics' ? 'page' : undefined}
              onClick={() => go({ name: 'statistics' })}
            >
              Statistics
            </button>
            <button
              type="button"
              className="nav__link"
              aria-current={route.name === 'import' ? 'page' : undefined}
              onClick={() => go({ name: 'import' })}
            >
              Import log
            </button>
            <button
              type="button"
              className="nav__link"
              aria-current={route.name === 'standard-answers' ? 'page' : undefined}
              onClick={() => go({ name: 'standard-answers' })}
            >
              Standard answers
            </button>
            <button
              type="button"
              className="nav__link"
              aria-current={route.name === 'retention' ? 'page' : undefined}
              onClick={() => go({ name: 'retention' })}
            >
              Retention
            </button>
            <button
              type="button"
              className="nav__link"
              aria-current={route.name === 'settings' ? 'page' : undefined}
              onClick={() => go({ name: 'settings' })}
            >
              Settings
            </button>
          </nav>
          <button type="button" className="header__lock" onClick={() => lock()} aria-keyshortcuts="Control+L">
            Lock <kbd className="kbd">Ctrl+L</kbd>
          </button>
        </div>
      </header>
      <DraftOffer onOpen={openDraft} />
      <main className="main" id="main" tabIndex={-1}>
        {route.name === 'settings' ? null : <BackupReminder refreshKey={route} />}
        {screen}
      </main>
    </div>
  );
}

function sameRoute(a: Route, b: Route): boolean {
  if (a.name === 'intake') return b.name === 'intake' && a.proposal.intakeId === b.proposal.intakeId;
  return a.name === b.name && (a.name !== 'case' || (b.name === 'case' && a.id === b.id));
}
