import { Navigate, Route, Routes } from 'react-router';
import { AREAS } from './areas';
import { AppLayout } from './layout/AppLayout';
import { BranchesPage } from './pages/branches/BranchesPage';
import { FrameworkPage } from './pages/framework/FrameworkPage';
import { HomePage } from './pages/home/HomePage';
import { NotYetPage } from './pages/NotYetPage';
import { PeriodsPage } from './pages/periods/PeriodsPage';
import { RatersPage } from './pages/raters/RatersPage';
import { ResultsPage } from './pages/results/ResultsPage';
import { ScoringPage } from './pages/scoring/ScoringPage';
import { MeetingsPage } from './pages/meetings/MeetingsPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { DataPage } from './pages/data/DataPage';

export function AppRoutes() {
  return (
    <Routes>
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
        {AREAS.filter((a) => !a.ready).map((a) => (
          <Route key={a.path} path={a.path} element={<NotYetPage area={a.label} />} />
        ))}
        <Route path="*" element={<Navigate to="/branches" replace />} />
      </Route>
    </Routes>
  );
}
