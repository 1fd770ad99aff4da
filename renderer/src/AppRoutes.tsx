import { Navigate, Route, Routes } from 'react-router';
import { AREAS } from './areas';
import { AppLayout } from './layout/AppLayout';
import { BranchesPage } from './pages/branches/BranchesPage';
import { NotYetPage } from './pages/NotYetPage';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to="/branches" replace />} />
        <Route path="/branches" element={<BranchesPage />} />
        {AREAS.filter((a) => !a.ready).map((a) => (
          <Route key={a.path} path={a.path} element={<NotYetPage area={a.label} />} />
        ))}
        <Route path="*" element={<Navigate to="/branches" replace />} />
      </Route>
    </Routes>
  );
}
