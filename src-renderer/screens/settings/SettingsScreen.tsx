import { Col, Row } from 'antd';
import { useSession } from '../../session/session-context';
import { BackupPanel } from './BackupPanel';
import { CentralPanel } from './CentralPanel';
import { ChangePasswordForm } from './ChangePasswordForm';
import { PlanPanel } from './PlanPanel';
import { ProcedureCatalogPanel } from './ProcedureCatalogPanel';
import { SigningSettingsPanel } from './SigningSettingsPanel';
import { StationSettingsForm } from './StationSettingsForm';
import { StoragePanel } from './StoragePanel';

export function SettingsScreen() {
  const { session } = useSession();
  const isAdmin = session?.roles.includes('admin') ?? false;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <StationSettingsForm editable={isAdmin} />
          </Col>
          <Col span={24}>
            <ProcedureCatalogPanel editable={isAdmin} />
          </Col>
        </Row>
      </Col>
      <Col xs={24} xl={9}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <SigningSettingsPanel editable={isAdmin} />
          </Col>
          <Col span={24}>
            <CentralPanel editable={isAdmin} />
          </Col>
          <Col span={24}>
            <PlanPanel editable={isAdmin} />
          </Col>
          <Col span={24}>
            <BackupPanel editable={isAdmin} />
          </Col>
          <Col span={24}>
            <StoragePanel />
          </Col>
          <Col span={24}>
            <ChangePasswordForm />
          </Col>
        </Row>
      </Col>
    </Row>
  );
}
