import type { ApiError } from '@weir/contracts';
import type { NextRequest } from 'next/server';
import { consoleConfig } from '@/config';

// A proxy, not a rewrite: rewrites are frozen into the build with the API address of build
// time, while this reads WEIR_API_URL per start; and it passes SSE through chunk by chunk.
export const dynamic = 'force-dynamic';

/** Headers that describe one hop or an encoding fetch already undid; never forwarded. */
const HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'host',
  'content-length',
  'content-encoding',
  // The API must not compress: a gzip stream holds Server-Sent Events back until a block fills.
  'accept-encoding',
]);

function forwardable(headers: Headers): Headers {
  const out = new Headers();
  headers.forEach((value, key) => {
    const name = key.toLowerCase();
    if (!HOP_HEADERS.has(name) && name !== 'set-cookie') out.set(key, value);
  });
  // Sign-in sets two cookies: each Set-Cookie must be passed on as its own header line.
  for (const cookie of headers.getSetCookie()) out.append('set-cookie', cookie);
  return out;
}

async function proxy(request: NextRequest, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await params;
  const { apiUrl } = consoleConfig();
  const target = new URL(`/api/v1/${path.map(encodeURIComponent).join('/')}${request.nextUrl.search}`, apiUrl);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers: forwardable(request.headers),
      body: hasBody ? await request.arrayBuffer() : undefined,
      // Closing the browser tab ends the upstream SSE request too.
      signal: request.signal,
      cache: 'no-store',
      redirect: 'manual',
    });
  } catch {
    const body: ApiError = { message: 'The Weir API cannot be reached', code: 'UNAVAILABLE', details: { api: apiUrl.origin } };
    return Response.json(body, { status: 502 });
  }
  const headers = forwardable(upstream.headers);
  if (headers.get('content-type')?.startsWith('text/event-stream')) headers.set('cache-control', 'no-cache, no-transform');
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers });
}

export { proxy as GET, proxy as POST, proxy as PUT, proxy as PATCH, proxy as DELETE };
