import { type RouteConfig, index, route } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('account', 'routes/account.tsx'),
  // The sign-in's server routes (/api/auth/session, /sign-in, ...): a resource route, no component.
  route('api/auth/*', 'routes/api.auth.ts'),
] satisfies RouteConfig;
