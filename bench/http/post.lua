-- wrk script of the benchmark's http_post workload (bench/README.md): every request POSTs the
-- same 57-byte JSON document to a new key, /api/data/<prefix>-<thread>-<n>, where <prefix> is
-- wrk's first script argument (bench/run.py passes one per run, so no key repeats across runs).
-- When wrk ends, prints one JSON line: requests, duration_us, socket errors, and how many
-- answers were not 201 Created (a new key must be created; anything else is a failure).
--
--   wrk -t2 -c16 -d5s -s bench/http/post.lua http://127.0.0.1:PORT -- PREFIX

local body = '{"title":"bench","kind":"post","n":12345,"ok":true,"x":1}'
local threads = {}
local next_id = 0

function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
   table.insert(threads, thread)
end

function init(args)
   prefix = args[1] or "bench"
   sent = 0
   not_created = 0
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
   wrk.body = body
end

function request()
   sent = sent + 1
   return wrk.format(nil, "/api/data/" .. prefix .. "-" .. id .. "-" .. sent)
end

function response(status, headers, body)
   if status ~= 201 then
      not_created = not_created + 1
   end
end

function done(summary, latency, requests)
   local bad = 0
   for _, thread in ipairs(threads) do
      bad = bad + thread:get("not_created")
   end
   local e = summary.errors
   io.write(string.format(
      '{"requests":%d,"duration_us":%d,"socket_errors":%d,"not_created":%d,"body_bytes":%d}\n',
      summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, bad,
      #body))
end
