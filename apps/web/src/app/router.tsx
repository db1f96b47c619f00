import { createBrowserRouter } from 'react-router';
import { StatusPage } from '../features/status/status-page';
import { Layout } from './app-shell';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <StatusPage /> },
      { path: '/status', element: <StatusPage /> },
    ],
  },
]);
