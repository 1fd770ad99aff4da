import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AREAS } from './areas';
import { AppLayout } from './layout/AppLayout';
import { SessionGate } from './layout/SessionGate';
import { NotYetPage } from './pages/NotYetPage';

/**
 * Each area is its own chunk, loaded when first opened: the window paints
 * the shell at once instead of parsing every screen up front.
 */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const HomePage = page(() => import('./pages/home/HomePage'), 'HomePage');
const BranchesPage = page(() => import('./pages/branches/BranchesPage'), 'BranchesPage');
const FrameworkPage = page(() => import('./pages/framework/FrameworkPage'), 'FrameworkPage');
const PeriodsPage = page(() => import('./pages/periods/PeriodsPage'), 'PeriodsPage');
const RatersPage = page(() => import('./pages/raters/RatersPage'), 'RatersPage');
const ResultsPage = page(() => import('./pages/results/ResultsPage'), 'ResultsPage');
const ScoringPage = page(() => import('./pages/scoring/ScoringPage'), 'ScoringPage');
const MeetingsPage = page(() => import('./pages/meetings/MeetingsPage'), 'MeetingsPage');
const PresenterPage = page(() => import('./pages/meetings/PresenterPage'), 'PresenterPage');
const ReportsPage = page(() => import('./pages/reports/ReportsPage'), 'ReportsPage');
const DataPage = page(() => import('./pages/data/DataPage'), 'DataPage');
const SafetyPage = page(() => import('./pages/safety/SafetyPage'), 'SafetyPage');

const loading = <Spin style={{ display: 'block', margin: '80px auto' }} />;

export function AppRoutes() {
  return (
    <Suspense fallback={loading}>
      {/* Every route, the presenter's included: a rater or nobody-yet never sees an office screen. */}
      <SessionGate>
        <Routes>
          <Route path="/present/:meetingId" element={<PresenterPage />} />
          <Route element={<AppLayout />}>
            <Route index element={<HomePage />} />
            <Route path="/branches" element={<BranchesPage />} />
            <Route path="/framework/*" element={<FrameworkPage />} />
            <Route path="/periods/*" element={<PeriodsPage />} />
            <Route path="/raters/*" element={<RatersPage />} />
            <Route path="/results/*" element={<ResultsPage />} />
            <Route path="/scoring/*" element={<ScoringPage />} />
            <Route path="/meetings/*" element={<MeetingsPage />} />
            <Route path="/reports/*" element={<ReportsPage />} />
            <Route path="/data/*" element={<DataPage />} />
            <Route path="/safety" element={<SafetyPage />} />
            {AREAS.filter((a) => !a.ready).map((a) => (
              <Route key={a.path} path={a.path} element={<NotYetPage area={a.label} />} />
            ))}
            <Route path="*" element={<Navigate to="/branches" replace />} />
          </Route>
        </Routes>
      </SessionGate>
    </Suspense>
  );
}
