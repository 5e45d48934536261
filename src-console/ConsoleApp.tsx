import { App as AntApp, ConfigProvider } from 'antd';
import { useTranslation } from 'react-i18next';
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import { antdLocale, THEME } from '../src-web/theme';
import { AccessLogPage } from './access-log/AccessLogPage';
import { AdminSessionProvider, useAdminSession } from './api/admin-session';
import { StationAuditPage } from './audit/StationAuditPage';
import { ClientsPage } from './clients/ClientsPage';
import { JournalPage } from './journal/JournalPage';
import { LookupPage } from './lookup/LookupPage';
import { ProgressPage } from './progress/ProgressPage';
import { ConsoleShell } from './shell/ConsoleShell';
import { SignInScreen } from './shell/SignInScreen';
import { StationsPage } from './stations/StationsPage';

function Gate() {
  const { api } = useAdminSession();
  if (!api) return <SignInScreen />;
  return (
    <Routes>
      <Route element={<ConsoleShell />}>
        <Route path="/stations" element={<StationsPage />} />
        <Route path="/stations/:stationId/audit" element={<StationAuditPage />} />
        <Route path="/progress" element={<ProgressPage />} />
        <Route path="/lookup" element={<LookupPage />} />
        <Route path="/clients" element={<ClientsPage />} />
        <Route path="/access-log" element={<AccessLogPage />} />
        <Route path="/journal" element={<JournalPage />} />
        <Route path="*" element={<Navigate to="/stations" replace />} />
      </Route>
    </Routes>
  );
}

/** SoHoa Central's web console: the province's administrator's screens over Central's API. */
export function ConsoleApp() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={antdLocale(i18n.language)} theme={THEME}>
      <AntApp>
        <HashRouter>
          <AdminSessionProvider>
            <Gate />
          </AdminSessionProvider>
        </HashRouter>
      </AntApp>
    </ConfigProvider>
  );
}
