import {
  ApartmentOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  DatabaseOutlined,
  EditOutlined,
  FileWordOutlined,
  FlagOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../shared/messages';

/** The app's areas, in sidebar order. `ready` is false where later work owns the area. */
export interface Area {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  ready: boolean;
}

export const AREAS: Area[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined />, ready: true },
  { path: '/periods', label: 'nav.periods', icon: <CalendarOutlined />, ready: true },
  { path: '/framework', label: 'nav.framework', icon: <ApartmentOutlined />, ready: true },
  { path: '/branches', label: 'nav.branches', icon: <FlagOutlined />, ready: true },
  { path: '/raters', label: 'nav.raters', icon: <UserOutlined />, ready: true },
  { path: '/scoring', label: 'nav.scoring', icon: <EditOutlined />, ready: true },
  { path: '/data', label: 'nav.data', icon: <DatabaseOutlined />, ready: true },
  { path: '/results', label: 'nav.results', icon: <BarChartOutlined />, ready: true },
  { path: '/meetings', label: 'nav.meetings', icon: <TeamOutlined />, ready: true },
  { path: '/rectification', label: 'nav.rectification', icon: <CheckSquareOutlined />, ready: false },
  { path: '/reports', label: 'nav.reports', icon: <FileWordOutlined />, ready: true },
  { path: '/safety', label: 'nav.safety', icon: <SafetyCertificateOutlined />, ready: true },
];
