-- wrk script of tests/benchmarks/bench_http.py: every request a SOAP call of its own, by default a
-- PwsSaveTimeCards inserting one new card (the headers come from wrk's -H options).
-- Arguments (after --): the request template file (the day as @DAY@, the minutes as @MINUTES@), the number
-- of wrk threads, the first day (Unix seconds), the number of days, an offset, the text an answer that
-- succeeded holds and the text it never holds. Thread t's n-th request is number k = offset + n * threads
-- + t: its day is first + (k mod days) and its minutes 1 + (k div days) mod 1440. No two requests (of runs
-- with offsets far enough apart) save the same (day, minutes), so the stored cards show whether any request
-- was stored twice.
-- done() prints one line "WRK_JSON {...}" with the counts and latency percentiles (microseconds), one line
-- "WRK_SECONDS {...}" with the answers read in each second (Unix time: count), and writes the (day, minutes) of every save answered Ok, one "day minutes" a line, to the file named by the
-- environment variable WRK_ACKNOWLEDGED (when set).

local threads = {}
local next_id = 0

function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
   table.insert(threads, thread)
end

function init(args)
   local file = assert(io.open(args[1], "rb"))
   template = file:read("*a")
   file:close()
   stride, first_day, days, offset = tonumber(args[2]), tonumber(args[3]), tonumber(args[4]), tonumber(args[5])
   success, refusal = args[6], args[7]
   n, sent, ok, failed, non2xx = 0, 0, 0, 0, 0
   acknowledged, per_second = {}, {}
   wrk.method = "POST"
end

function request()
   local k = offset + n * stride + id
   n = n + 1
   sent = sent + 1
   local day = os.date("!%Y-%m-%d", first_day + (k % days) * 86400)
   local minutes = 1 + math.floor(k / days) % 1440
   local body = template:gsub("@DAY@", day):gsub("@MINUTES@", tostring(minutes))
   return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
   local second = tostring(os.time())
   per_second[second] = (per_second[second] or 0) + 1
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
   elseif body:find(success, 1, true) and not body:find(refusal, 1, true) then
      ok = ok + 1
      local day = body:match("WorkDate>(%d%d%d%d%-%d%d%-%d%d)T")
      local minutes = body:match("WorkMinutes>(%d+)<")
      table.insert(acknowledged, (day or "?") .. " " .. (minutes or "?"))
   else
      failed = failed + 1
   end
end

function done(summary, latency, requests)
   local totals = {sent = 0, ok = 0, failed = 0, non2xx = 0}
   for _, thread in ipairs(threads) do
      for name, _ in pairs(totals) do
         totals[name] = totals[name] + thread:get(name)
      end
   end
   local path = os.getenv("WRK_ACKNOWLEDGED")
   if path then
      local file = assert(io.open(path, "w"))
      for _, thread in ipairs(threads) do
         for _, key in ipairs(thread:get("acknowledged")) do
            file:write(key, "\n")
         end
      end
      file:close()
   end
   local seconds = {}
   for _, thread in ipairs(threads) do
      for second, count in pairs(thread:get("per_second")) do
         seconds[second] = (seconds[second] or 0) + count
      end
   end
   local counts = {}
   for second, count in pairs(seconds) do
      table.insert(counts, string.format('"%s": %d', second, count))
   end
   io.write("WRK_SECONDS {", table.concat(counts, ", "), "}\n")
   local errors = summary.errors
   io.write(string.format(
      'WRK_JSON {"requests": %d, "duration_us": %d, "sent": %d, "ok": %d, "failed": %d, "non2xx": %d, '
         .. '"connect_errors": %d, "read_errors": %d, "write_errors": %d, "timeouts": %d, '
         .. '"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d}\n',
      summary.requests, summary.duration, totals.sent, totals.ok, totals.failed, totals.non2xx,
      errors.connect, errors.read, errors.write, errors.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
