import { App as AntApp, ConfigProvider, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditScreen } from './screens/audit/AuditScreen';
import { RestoreGate } from './screens/backup/RestoreGate';
import { BatchesScreen } from './screens/batches/BatchesScreen';
import { FinalizeScreen } from './screens/finalize/FinalizeScreen';
import { ReviewScreen } from './screens/review/ReviewScreen';
import { StatsScreen } from './screens/stats/StatsScreen';
import { SyncScreen } from './screens/sync/SyncScreen';
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import { requestPersistentStorage } from './db/storage-status';
import { LoginScreen } from './screens/auth/LoginScreen';
import { LookupScreen } from './screens/lookup/LookupScreen';
import { IndexingScreen } from './screens/indexing/IndexingScreen';
import { SetupScreen } from './screens/auth/SetupScreen';
import { ScanScreen } from './screens/scan/ScanScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { UsersScreen } from './screens/users/UsersScreen';
import { SessionProvider, useSession } from './session/session-context';
import { StationSettingsProvider } from './settings/station-settings-context';
import { AppShell } from './shell/AppShell';
import { visibleNavItems } from './shell/navigation';
import { antdLocale, THEME } from '../src-web/theme';

function SignedInRoutes() {
  const { session } = useSession();
  const allowed = new Set(visibleNavItems(session?.roles ?? []).map((item) => item.path));
  const home = [...allowed][0] ?? '/settings';
  return (
    <RestoreGate>
      <StationSettingsProvider>
        <Routes>
          <Route element={<AppShell />}>
            <Route path="/stats" element={<StatsScreen />} />
            {allowed.has('/scan') ? <Route path="/scan" element={<ScanScreen />} /> : null}
            {allowed.has('/index') ? <Route path="/index" element={<IndexingScreen />} /> : null}
            {allowed.has('/finalize') ? <Route path="/finalize" element={<FinalizeScreen />} /> : null}
            {allowed.has('/batches') ? <Route path="/batches" element={<BatchesScreen />} /> : null}
            {allowed.has('/review') ? <Route path="/review" element={<ReviewScreen />} /> : null}
            <Route path="/sync" element={<SyncScreen />} />
            {allowed.has('/users') ? <Route path="/users" element={<UsersScreen />} /> : null}
            {allowed.has('/audit') ? <Route path="/audit" element={<AuditScreen />} /> : null}
            <Route path="/lookup" element={<LookupScreen />} />
            <Route path="/settings" element={<SettingsScreen />} />
            <Route path="*" element={<Navigate to={home} replace />} />
          </Route>
        </Routes>
      </StationSettingsProvider>
    </RestoreGate>
  );
}

function Gate() {
  const { loading, needsSetup, session } = useSession();
  if (loading) return <Spin size="large" fullscreen />;
  if (needsSetup) return <SetupScreen />;
  if (!session) return <LoginScreen />;
  // Keyed by user so that nothing of one user's screens survives into the next login.
  return <SignedInRoutes key={session.userId} />;
}

export function App() {
  const { i18n } = useTranslation();
  useEffect(() => {
    void requestPersistentStorage();
  }, []);
  return (
    <ConfigProvider locale={antdLocale(i18n.language)} theme={THEME}>
      <AntApp>
        <HashRouter>
          <SessionProvider>
            <Gate />
          </SessionProvider>
        </HashRouter>
      </AntApp>
    </ConfigProvider>
  );
}
