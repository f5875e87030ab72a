/**
 * The shell's root: follows main's state and the services' chats through the bridge, sets up translations and
 * the document, and shows the shell once the state has arrived (only the lock screen while Wasl is locked).
 */
import { useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { WaslBridge } from '../../common/bridge';
import { LockScreen } from './features/lock/LockScreen';
import { Shell } from './features/shell/Shell';
import { useDocumentSettings, useUiLanguage } from './features/shell/useDocumentSettings';
import { createI18n } from './i18n';
import { useNumbersInTranslations } from './i18n/format';
import { connectChats, createChatsReplica } from './store/chats';
import { ShellProvider, type Shell as ShellValue } from './store/context';
import { InboxDeriver } from './store/inbox';
import { connectReplica, createReplica } from './store/replica';
import { createUiStore } from './store/ui';

export function App({ bridge }: { bridge: WaslBridge }) {
  const [shell] = useState<ShellValue>(() => ({
    bridge,
    replica: createReplica(),
    chats: createChatsReplica(),
    inbox: new InboxDeriver(),
    ui: createUiStore(),
  }));
  const app = useStore(shell.replica, (s) => s.app);
  const failed = useStore(shell.replica, (s) => s.failed);
  const locked = app?.lock?.locked === true;
  const language = useUiLanguage(app?.settings);
  const [i18n] = useState(() => createI18n(language));
  useDocumentSettings(i18n, language, app?.settings);
  useNumbersInTranslations(i18n, app?.settings.digits ?? 'auto');

  useEffect(() => connectReplica(shell.replica, shell.bridge), [shell]);
  useEffect(() => connectChats(shell.chats, shell.bridge), [shell]);

  return (
    <I18nextProvider i18n={i18n}>
      <ShellProvider shell={shell}>
        {app !== null ? locked ? <LockScreen /> : <Shell /> : failed ? <StartFailed /> : null}
      </ShellProvider>
    </I18nextProvider>
  );
}

function StartFailed() {
  const { t } = useTranslation();
  return (
    <main className="start-failed" role="alert">
      {t('errors.startFailed')}
    </main>
  );
}
