/**
 * The app shell: the unlock screen while locked; once a file is open, the header with the screens
 * and the Lock button. Locking (the button, Ctrl+L or the idle timer) asks main to close the file,
 * then drops every screen and its state, so no case data stays in the page.
 */
import { BackupReminder } from './backup/backup-reminder';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionStatus } from '../../shared/contract';
import { call, errorMessage, onLocked } from './api';
import { Alert } from './components/fields';
import { UnlockScreen } from './screens/unlock-screen';
import { CaseQueue, INITIAL_QUEUE, type QueueQueryState } from './screens/case-queue';
import { NewCase } from './screens/new-case';
import { CasePage } from './screens/case-page';
import { SettingsScreen } from './screens/settings-screen';

export type Route = { name: 'queue' } | { name: 'case'; id: number } | { name: 'new' } | { name: 'settings' };

const IDLE_CHECK_MS = 5_000;
const HEARTBEAT_MS = 60_000;

/** Locks after `minutes` without a key press, click or scroll; tells main the officer is active. */
function useIdleLock(minutes: number | null, onIdle: () => void, onLockedElsewhere: () => void): void {
  const lastActivity = useRef(Date.now());
  const activeSinceBeat = useRef(false);
  useEffect(() => {
    if (minutes === null) return undefined;
    lastActivity.current = Date.now();
    const mark = () => {
      lastActivity.current = Date.now();
      activeSinceBeat.current = true;
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
    const idleTimer =
      minutes > 0
        ? window.setInterval(() => {
            if (Date.now() - lastActivity.current >= minutes * 60_000) onIdle();
          }, IDLE_CHECK_MS)
        : undefined;
    const beat = window.setInterval(() => {
      const active = activeSinceBeat.current;
      activeSinceBeat.current = false;
      call('session:status', { active }).then(
        (s) => {
          if (s.state === 'locked') onLockedElsewhere();
        },
        () => undefined,
      );
    }, HEARTBEAT_MS);
    return () => {
      for (const e of events) window.removeEventListener(e, mark, { capture: true });
      window.removeEventListener('pointermove', move);
      if (idleTimer !== undefined) window.clearInterval(idleTimer);
      window.clearInterval(beat);
    };
  }, [minutes, onIdle, onLockedElsewhere]);
}

export function App() {
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

  useEffect(() => {
    call('session:status', {}).then(setStatus, (e: unknown) => setStartError(errorMessage(e)));
  }, []);

  const dropEverything = useCallback((message: string) => {
    setRoute({ name: 'queue' });
    setQueueQuery(INITIAL_QUEUE);
    setSessionKey((k) => k + 1);
    setNotice(message);
    call('session:status', {}).then(setStatus, () =>
      setStatus((s) => (s ? { ...s, state: 'locked', file: null, idleLockMinutes: null } : s)),
    );
  }, []);

  const lock = useCallback(
    (message = 'The case file is locked. Enter the passphrase to open it again.') => {
      // Hide the data at once; main closes the file and forgets the key.
      shownState.current = 'locked';
      setStatus((s) => (s ? { ...s, state: 'locked', file: null, idleLockMinutes: null } : s));
      call('session:lock', {}).then(
        () => dropEverything(message),
        () => dropEverything(message),
      );
    },
    [dropEverything],
  );

  const onIdle = useCallback(
    () => lock('Locked after a period without activity. Enter the passphrase to open the case file again.'),
    [lock],
  );
  const onLockedElsewhere = useCallback(() => {
    if (shownState.current !== 'open') return;
    dropEverything('The case file was locked. Enter the passphrase to open it again.');
  }, [dropEverything]);
  useIdleLock(status?.state === 'open' ? status.idleLockMinutes : null, onIdle, onLockedElsewhere);
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

  const go = (next: Route) => setRoute(next);
  let screen;
  switch (route.name) {
    case 'queue':
      screen = (
        <CaseQueue
          query={queueQuery}
          onQuery={setQueueQuery}
          onOpenCase={(id) => go({ name: 'case', id })}
          onNewCase={() => go({ name: 'new' })}
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
    case 'settings':
      screen = (
        <SettingsScreen
          onSettingsChanged={(minutes) => setStatus((s) => (s ? { ...s, idleLockMinutes: minutes } : s))}
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
      <main className="main" id="main" tabIndex={-1}>
        {route.name === 'settings' ? null : (
          <BackupReminder refreshKey={route} onBackUp={() => go({ name: 'settings' })} />
        )}
        {screen}
      </main>
    </div>
  );
}
