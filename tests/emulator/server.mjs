// Local emulator of the NCP Media Intelligence API (zero dependencies, Node 20, ESM): workspaces, the
// media pipeline (projects, assets, index, scene summaries) and, when their modules are present, the
// person DB (people.mjs) and asset search with presigned uploads (search.mjs).
//
// It checks every request the way the API Gateway and the service do (signature v2 recomputed with
// node:crypto, independent of the Rust signer), answers in the API's envelopes, keeps per-account state,
// moves imports, analyses and scene summaries along with time, and sends CORS headers so browser and
// worker tests can call it cross-origin. Facts: ../shared/mi-api.md. Where the docs show no shape, the
// emulator chose one: such choices are marked GUESS below.
//
// CLI
//   node tests/emulator/server.mjs [--port N] [--host H] [--quiet]
//     --port N   port to listen on (default 0 = any free port)
//     --host H   address to bind (default 127.0.0.1)
//     --quiet    no per-request log lines on stderr (normally `METHOD url -> status`); an unknown
//                route is still reported there
//   The FIRST stdout line is exactly `listening http://HOST:PORT` (the actual port).
//   SIGTERM / SIGINT close the server and exit 0. A bad environment variable: a message on stderr, exit 2.
//
// Environment
//   MI_EMULATOR_KEYS           extra credentials "ak:sk,ak2:sk2" (each pair split on its FIRST colon),
//                              added to the default pair test-access-key / test-secret-key. Each access
//                              key is one account with its own workspace namespace and quota.
//   MI_EMULATOR_QUOTA          max workspaces per account (default 10).
//   MI_EMULATOR_TICK_MS        the step of the import / analysis / summary state machines in ms (default
//                              250; tests use 5 to 20). See "Time".
//   MI_EMULATOR_BUCKETS        the emulated Object Storage as JSON (replaces the default set). See
//                              "Object Storage".
//   MI_EMULATOR_PROJECT_LIMIT  max projects per workspace, the base project included (default 1000).
//
// Order of checks: routing -> [fault taken] -> body size -> [before-fault answers] -> authentication ->
// path parameters and workspace lookup -> content type -> body -> service rules -> [after-fault tampers
// with the answer]. See "Scripted faults".
//
// Routes. {ws} is a workspace name, {pid} a project id, {aid} an asset id. The fault route key of each is
// its METHOD and path with every parameter written * (GET /__emulator/routes lists them). Anything else:
// 404 gateway envelope errorCode "300", details "No route for METHOD /path".
//   GET    /api/v1/workspaces?pageNum=&pageSize=                        #1  list (paged)
//   POST   /api/v1/workspaces                                           #2  create
//   GET    /api/v1/workspaces/{ws}                                      #3  details
//   DELETE /api/v1/workspaces/{ws}                                      #4  delete
//   GET    /api/v1/workspaces/{ws}/projects                             #5  list (not paged)
//   POST   /api/v1/workspaces/{ws}/projects                             #6  create
//   GET    /api/v1/workspaces/{ws}/projects/{pid}                       #7  details
//   PATCH  /api/v1/workspaces/{ws}/projects/{pid}                       #8  rename
//   DELETE /api/v1/workspaces/{ws}/projects/{pid}                       #9  delete
//   POST   .../projects/{pid}/assets/import/object-storage                #10 import an asset
//   GET    .../projects/{pid}/assets?pageNum=&pageSize=                   #11 list (paged)
//   GET    .../projects/{pid}/assets/{aid}                                #12 details
//   PATCH  .../projects/{pid}/assets/{aid}?new_project_id=N               #13 move
//   DELETE .../projects/{pid}/assets/{aid}                                #14 delete
//   GET    .../projects/{pid}/assets/{aid}/import-status                  #15 import status
//   POST   .../assets/{aid}/index                                         #16 request analysis
//   POST   .../assets/{aid}/index/cancel                                  #17 cancel analysis
//   GET    .../assets/{aid}/index/status                                  #18 analysis status
//   GET    .../assets/{aid}/index?confidence_level=LOW|MEDIUM|HIGH        #19 the index
//   DELETE .../assets/{aid}/index                                         #20 delete the index
//   POST   .../assets/{aid}/scene-summary                                 #21 request a scene summary
//   GET    .../assets/{aid}/scene-summary/status                          #22 summary status
//   GET    .../assets/{aid}/scene-summary                                 #23 the summary
//   POST   .../assets/{aid}/scene-summary/cancel                          #24 cancel the summary
//   (... = /api/v1/workspaces/{ws}; ".../assets/{aid}" = .../projects/{pid}/assets/{aid})
//   #25 to #48 (asset search, uploads, persons, person tags): in people.mjs and search.mjs when present;
//   their header comments document them.
//   OPTIONS <any path>   204 CORS preflight, no authentication
//
// Gateway envelope {"error":{"errorCode","message","details"}}
//   401 "200" Authentication Failed     missing header, unknown access key, non-decimal timestamp,
//                                       timestamp more than 5 min from the server clock, bad signature
//                                       (the signed URI is the path AND query exactly as sent)
//   404 "300" Not Found Exception       unknown route
//   413 "430" Request Entity Too Large  body over 1 MiB
//   500 "900" Unexpected Error          a bug in this emulator (details "The emulator failed on this request")
//
// Service envelope: success {"code":"0","message":"success","result":{...}} with HTTP 200 (no result
// key where the API documents none: project delete, asset delete, scene-summary cancel); failure
// {"code","message"}. Codes:
//   400 "400"   a bad request to a workspace route (#1-#4): bad JSON, body not an object, POST without
//               Content-Type application/json, bad field (workspaceName: string of 3 to 63 characters of
//               a-z, 0-9 and -; bucketName: non-empty string when present, null counts as absent), bad
//               paging; also, on EVERY route with {ws}, a path workspace name that breaks the name rule
//               or is not valid percent-encoding
//   404 "404"   Workspace 'NAME' not found (any route with {ws}: answered by the router), Project N not
//               found, Asset N not found in project P, Asset N has no index / no scene summary
//   409 "409"   Workspace 'NAME' already exists (checked before the quota), Project 'x' already exists,
//               and every state conflict listed below (the API documents these 409s, not their codes: GUESS)
//   400 "410"   Workspace limit reached (N); Project limit reached (N) (GUESS: no code documented)
//   400 "10001" Invalid Request: a bad parameter of a media route (#5-#24); the message names the field
//               and the rule. Body rules: Content-Type application/json, valid JSON, an object; null
//               counts as absent; unknown fields are ignored
//   400 "10014" Select the asset you want to analyze.   (analysis requested before the import completed)
//   400 "10016" Select the bucket to integrate (folder selection not available).   (import key ending in /)
//   400 "10023" You can request up to 10 assets at a time.   (an 11th import while 10 of the workspace
//               are IN_PROGRESS: GUESS, the docs do not say when)
//   400 "10027" The base project cannot be renamed. / The base project cannot be deleted.
//
// Workspaces (workspaces.mjs)
//   #1 query pageNum required (integer >= 1), pageSize 1..1000 (default 1000) -> {totalCount, totalPage,
//      pageNo, pageSize, content: [{workspaceName, workspaceUrl, bucketName (only when linked),
//      createdUserName, createdTime, updatedUserName, updatedTime}]} in creation order; a page past the
//      end has an empty content. Only the caller's account.
//   #2 body {workspaceName, bucketName?} -> {workspaceName, createdUserName, createdTime, updatedUserName,
//      updatedTime}; a base project is created with it.
//   #3 -> {workspaceName, workspaceUrl "https://mi.ncloud.com/workspaces/NAME", bucketName (null when
//      none), monthlyAnalysisCount (accepted analysis requests so far: GUESS), createdUserName,
//      createdTime, updatedUserName, updatedTime}
//   #4 -> {workspaceName}; 409 while an analysis or a scene summary is waiting or running in it. Deleting
//      frees the quota and the name; everything in it is gone.
//   Times are KST (UTC+9) ISO 8601 without zone or millis, 2026-03-18T10:30:00, on the emulator clock.
//
// Projects (media.mjs)
//   Project JSON {projectId, name, isBaseProject, createdUserName, createdTime, updatedUserName, updatedTime}.
//   #5 -> {"code":"0","message":"success","result":{"projects":[...]},"totalCount":N}: totalCount at the
//      TOP level (as the third-party spec has it), projects in creation order, the base project first.
//   #6 body {name} -> the project. name: a string of 1 to 100 characters (code points), not blank,
//      without ; | or ` (10001); unique in the workspace (409); at most MI_EMULATOR_PROJECT_LIMIT projects
//      (400 "410"). The base project ("base", isBaseProject true) comes with each workspace.
//   #7 -> the project. #8 body {name} -> the renamed project (same rules; its own name again is fine).
//   #9 -> no result; its assets are deleted with it; 409 while one of them has an analysis or a summary
//      waiting or running. #8/#9 on the base project -> 10027 (checked before the body).
//   A path project id that is not a positive integer ("12", not "012") -> 10001; unknown -> 404.
//
// Assets (media.mjs)
//   Asset JSON (GUESS beyond assetId, fileName, projectId, metaData, key, createUserName seen in #12):
//     {assetId, fileName (last segment of key), projectId, type: VIDEO|IMAGE (from the extension),
//      metaData, key, bucketName, uploadStatus, indexStatus (the analysis status), sceneSummaryStatus,
//      createUserName (sic, as documented), createdTime, updatedUserName, updatedTime}
//     metaData once COMPLETED: {resolution "WxH", durationMs (video only), size, format: mp4|mkv|mov|webm|
//     jpg|png|heic}; before: {format} only ({} when the key has no extension).
//   #10 body {key, bucketName} (both required non-empty strings: 10001; key ending in / -> 10016) -> the
//       asset (GUESS: the details, uploadStatus IN_PROGRESS). The outcome is decided from the bucket
//       content at the time of the request (see "Object Storage").
//   #11 query pageNum required (>= 1), pageSize 1..1000 (default 1000), both 10001 -> {totalCount,
//       totalPage, pageNo, pageSize, content: [asset JSON]} (GUESS: like #1) in registration order (a
//       moved asset goes to the end of its new project).
//   #12 -> the asset. #13 query new_project_id required positive integer (10001), an existing project
//       (404) -> the asset (GUESS) with its new projectId; the asset is then only under the new project.
//   #14 -> no result; 409 while its analysis or summary is waiting or running.
//   #15 -> {assetId, uploadStatus: IN_PROGRESS|COMPLETED|FAILED|FILE_NOT_EXIST|INVALID_METADATA,
//       uploadResult (the reason; only for FAILED, FILE_NOT_EXIST, INVALID_METADATA)}
//   A path asset id that is not a positive integer -> 10001; not in that project -> 404.
//
// Analysis and the index (media.mjs). An asset keeps one index, the latest; a running or failed
// re-analysis leaves the previous index readable; a completed one replaces it (and drops its summary).
//   #16 body (may be empty) {sceneRange?, minSceneDurationSec?, maxSceneDurationSec?, analysisPersonCount?,
//       tagIdList?, sourceLanguage?, detectAudioEffects?}; each rule broken -> 10001:
//         sceneRange EXTRA_SHORT (10-20 s) | SHORT (20-45 s) | MEDIUM (45-120 s, default) | LONG
//         (120-300 s) (lengths other than EXTRA_SHORT's: GUESS); exclusive with min/maxSceneDurationSec,
//         which come together, integers 1..3600, min <= max (range GUESS); analysisPersonCount integer
//         0..10 (default 10; 0 = no persons); tagIdList 1..30 positive integers or their decimal text
//         (accepted, not checked against the person tags); sourceLanguage ENKO (default) | EN | KO | JA |
//         ZH-CN | ZH-TW (the language of the script lines); detectAudioEffects boolean (adds audioEffects
//         and "[applause]"-like captions); sceneRange, min/max and detectAudioEffects on an IMAGE -> 10001.
//       Then: not imported (uploadStatus not COMPLETED) -> 10014; an analysis or a scene summary waiting
//       or running -> 409. -> {assetId, status: "WAIT_ANALYZE"} (GUESS).
//   #17 only in WAIT_ANALYZE or ANALYZING, else 409 -> {assetId, status: "ANALYZE_CANCEL"} (GUESS).
//   #18 -> {assetId, status: BEFORE_ANALYZE|WAIT_ANALYZE|ANALYZING|ANALYZE_COMPLETED|ANALYZE_FAIL|
//       ANALYZE_CANCEL, analyzeStatusMessage (ANALYZE_FAIL: the reason; ANALYZE_CANCEL: "Canceled by
//       request"), progress (0..100: emulator extra, GUESS)}
//   #19 confidence_level LOW | MEDIUM (default) | HIGH exactly, else 10001; no index yet -> 409 "The index
//       of asset N is not ready (analysis status S)". -> the index (see "The index").
//   #20 409 while an analysis or summary is waiting or running; no index -> 404; -> {assetId} (GUESS).
//       The status goes back to BEFORE_ANALYZE and the scene summary is cleared.
//
// Scene summaries (media.mjs)
//   #21 body (may be empty) {locale?, sceneNumbers?}: locale ko (default) | en | ja | zh-CN | zh-TW;
//       sceneNumbers a non-empty array of distinct integers >= 1 (10001). A VIDEO only (10001). 409 when
//       an analysis is waiting or running, when the asset has no index, when a summary is waiting or
//       running. A partial run (sceneNumbers): every number a scene of the index (10001), only after a
//       completed full run (10001 "The first scene summary must cover all scenes"), inherits the locale (a
//       different locale -> 10001). -> {assetId, status: "WAIT_SUMMARIZE", locale, sceneNumbers (sorted;
//       all scenes for a full run)} (GUESS).
//   #22 -> {assetId, status: BEFORE_SUMMARIZE|WAIT_SUMMARIZE|SUMMARIZING|SUMMARIZE_COMPLETED|
//       SUMMARIZE_FAIL|SUMMARIZE_CANCELED, locale (once one was requested), summarizeStatusMessage (FAIL:
//       the reason; CANCELED: "Canceled by request"), progress (0..100)} (GUESS beyond status)
//   #23 BEFORE_SUMMARIZE -> 404; any status but SUMMARIZE_COMPLETED -> 409 (so a failed or canceled
//       partial run hides the older summary, as the docs say). -> {assetId, locale, summary (the whole
//       asset), createdTime (of the last full run), updatedTime, scenes: [{sceneNo, startMs, endMs,
//       summary, updatedTime}]} (GUESS), written in the locale; a re-run rewrites its scenes' text.
//   #24 only in WAIT_SUMMARIZE or SUMMARIZING, else 409 -> no result.
//
// The index (GET .../index; generated by indexgen.mjs, GUESS: the docs do not show it). Reproducible: the
// same object key, duration and resolution with the same options give the same index (only assetId,
// createdTime and, across workspaces, person ids differ). A VIDEO:
//   {assetId, type: "VIDEO", createdTime, createdUserName, durationMs,
//    scenes:   [{sceneNo, startMs, endMs, shots: [{shotNo, startMs, endMs}], personIds: [...], keywords: [..]}]
//              (scenes and shots tile [0, durationMs] without gaps; shotNo runs over the whole video)
//    persons:  [{personId, name (from the workspace's person DB; null = anonymous),
//                appearances: [{startMs, endMs}]}]
//    keywords: [{keyword, confidence, appearances: [{startMs, endMs}]}]
//    objects:  [{object, confidence, appearances}], actions: [{action, confidence, appearances}]
//    scripts:  [{speaker "SPEAKER_01" .. ("SPEAKER_00": nobody on screen), personId?, startMs, endMs, text}]
//    captions: [{startMs, endMs, text}],
//    audioEffects?: [{effect: APPLAUSE|LAUGHTER|BACKGROUND_MUSIC, startMs, endMs}]}
//   A 2-hour video has about 2,200 shots, 90 scenes (MEDIUM), 1,200 script lines: about 0.4 MB of JSON.
//   confidence_level: keywords (and scene keywords) keep the appearances of confidence >= 0.3 (LOW), 0.5
//   (MEDIUM), 0.75 (HIGH); the rest of the index does not change. An IMAGE: {assetId, type: "IMAGE",
//   createdTime, createdUserName, keywords: [{keyword, confidence, appearances: []}]}.
//   Persons: each completed analysis registers the persons it found in the workspace's person DB
//   (ws.persons) as anonymous persons with ids from state.nextId(); a face seen again in the same
//   workspace (the casts are drawn from one pool of faces) is the same person. Deleting an index or an
//   asset takes its scenes and asset id off those persons; the persons stay.
//
// Object Storage (storage.mjs). JSON {bucket: {key: entry}}; entry fields, all optional: durationMs
// (integer, default 60000 for a video), resolution ("WxH", default "1280x720"), size (bytes; default
// from the duration, 512 KiB for an image), invalid (the import ends INVALID_METADATA with this reason),
// failImport (ends FAILED with this reason), failAnalysis (every analysis of the asset ends ANALYZE_FAIL
// with this analyzeStatusMessage), failSummary (every summary ends SUMMARIZE_FAIL). An import of:
//   an unknown bucket or key        -> FILE_NOT_EXIST, uploadResult "Bucket 'b' does not exist" /
//                                      "Object 'k' does not exist in bucket 'b'"
//   an extension not mp4 mkv mov webm jpg jpeg png heic (any case), a short side outside 360..1080, a
//   video over 6 h or 10 GB, an image over 10 MB, or an `invalid` entry -> INVALID_METADATA with the reason
//   anything else                   -> COMPLETED
// Default set (MI_EMULATOR_BUCKETS unset): bucket "mi-demo" with sample-video.mp4 (2 h, 1280x720),
// trailer.mov (150 s, 1920x1080), clips/interview.webm (10 min, 854x480), photo.jpg (1080x720),
// broken.mp4 (invalid "unsupported resolution (240p; 360p to 1080p are supported)"), fail-analysis.mp4
// (failAnalysis "Media parsing failed"), fail-summary.mp4 (failSummary "Scene summarization failed").
//
// Time. Import, analysis and summary advance in ticks of tickMs (MI_EMULATOR_TICK_MS, or POST
// /__emulator/tick; a job keeps the tick it started with): import IN_PROGRESS 2 ticks; analysis
// WAIT_ANALYZE 2 ticks, ANALYZING 8 ticks, then ANALYZE_COMPLETED (a failing analysis ends ANALYZE_FAIL
// after 2 ticks of ANALYZING); summary WAIT_SUMMARIZE 1 tick, SUMMARIZING 4 ticks, then COMPLETED or FAIL.
// States are computed from timestamps on the emulator clock when read (no timer keeps the process
// alive), so POST /__emulator/clock also moves them on. Created times of an index or summary are those of
// its completion.
//
// Making things fail on purpose: an object entry with failImport / invalid / failAnalysis / failSummary
// (MI_EMULATOR_BUCKETS or POST /__emulator/buckets), or a queued failure (POST /__emulator/failures): the
// next `times` imports (that would complete), analyses or summaries requested fail with `reason`.
//
// Headers: every answer (API, admin, errors, faults; not a destroyed or hung connection) carries the CORS
// headers (Access-Control-Allow-Origin = the request's Origin or *, Vary: Origin, Access-Control-Allow-
// Methods: GET, POST, PUT, PATCH, DELETE, OPTIONS, Access-Control-Expose-Headers: Date, Retry-After, ...) and a
// Date header (IMF-fixdate) from the emulator clock, which may be skewed (POST /__emulator/clock).
//
// Admin endpoints (no authentication, never in the request log, never take a fault). Bodies are JSON
// (Content-Type not checked); a bad body -> 400 {"code":"400","message":...}.
//   GET    /__emulator/requests    JSON array {method, url, headers, status} of every other request so
//                                  far; headers lower-case, x-ncp-apigw-signature-v2 replaced by
//                                  "<redacted>". A faulted request also has {fault: NAME} and its status
//                                  is the HTTP status sent or "reset" / "hang" / "lost" / "truncated".
//   POST   /__emulator/reset       forget all workspaces (and everything in them), the request log, the
//                                  fault queue and the queued failures; the clock offset back to 0, the id
//                                  counter back to 1001 first, buckets and tick back to how the server
//                                  started; then each module's reset(state) (204)
//   GET    /__emulator/health      200 {"ok":true}
//   GET    /__emulator/routes      200 [{method, key, pattern}] of every API route, in routing order
//   GET    /__emulator/workspaces  200 [{accessKey, workspaceName, bucketName, createdTime}] of every
//                                  stored workspace of every account, in creation order
//   POST   /__emulator/faults      body {"faults":[{route?, fault, times?, retryAfter?}, ...]}: appends
//                                  the entries to the fault queue (all or none) -> 200 {"faults":[queue]}
//   GET    /__emulator/faults      200 {"faults":[{route, fault, times, retryAfter?}]}, the queue with
//                                  the counts left
//   DELETE /__emulator/faults      empty the queue (204)
//   POST   /__emulator/clock       body {"offsetMs":N}, N a (possibly negative) integer: the emulator
//                                  clock is real time + N ms from now on (0 restores) -> 200 as GET
//   GET    /__emulator/clock       200 {"offsetMs":N,"now":ms since the epoch on the emulator clock}
//   GET    /__emulator/buckets     200 the Object Storage JSON {bucket: {key: entry}}
//   POST   /__emulator/buckets     body: the same JSON, merged (a bucket's keys are added or replaced; a
//                                  null bucket or null entry deletes it; all or none) -> 200 as GET
//   GET    /__emulator/tick        200 {"tickMs":N,"ticks":{IN_PROGRESS, WAIT_ANALYZE, ANALYZING,
//                                  ANALYZE_FAIL_AFTER, WAIT_SUMMARIZE, SUMMARIZING}} (ticks per state)
//   POST   /__emulator/tick        body {"tickMs":N}, N an integer >= 1, for jobs started from now on
//                                  -> 200 as GET
//   POST   /__emulator/failures    body {"failures":[{stage: "import"|"analysis"|"summary", reason?
//                                  (default "Emulated STAGE failure"), times? (default 1)}]}: appended
//                                  (all or none) -> 200 {"failures":[queue]}
//   GET    /__emulator/failures    200 {"failures":[{stage, reason, times}]}, the counts left
//   DELETE /__emulator/failures    empty the queue (204)
//   people.mjs and search.mjs add their own (see their header comments).
//
// Emulator clock (real time + offsetMs): used for the 5 minute timestamp window, the Date header, every
// createdTime / updatedTime and the state machines.
//
// Scripted faults. Fault entry fields (null counts as absent; any other field -> 400):
//   route       a route key (see "Routes": "POST /api/v1/workspaces", "GET /api/v1/workspaces/*" (any
//               single name), "GET /api/v1/workspaces/*/projects/*/assets/*/index/status", ...; GET
//               /__emulator/routes lists them) or "*" (default, any route)
//   fault       required, one of the names below; an unknown name -> 400 with a message listing them
//   times       how many matching requests it applies to, integer >= 1 (default 1)
//   retryAfter  string of printable ASCII sent verbatim as Retry-After (e.g. "1" or an HTTP-date) with
//               any faulted answer that has headers
// Every request to a known API route (not OPTIONS, admin or an unknown route) takes one count of the
// FIRST queued entry whose route matches, when it is routed; an entry with no count left is removed.
// The fault acts once the body is read in full (a body over 1 MiB still gets a before-fault; an
// after-fault then tampers with the 413). Before-faults answer instead of authenticating
// and processing (the request has no effect); after-faults let the request be authenticated and
// processed as usual (a workspace IS created) and then tamper with its answer ("real" below).
//   429                 before  429 gateway envelope errorCode "410" "Throttle Limited"
//   429-quota           before  429 gateway envelope errorCode "400" "Quota Exceeded"
//   500                 before  500 gateway envelope errorCode "900" "Unexpected Error"
//   502-html            before  502 Content-Type text/html, nginx's "502 Bad Gateway" HTML page
//   503                 before  503 gateway envelope errorCode "500" "Endpoint Error"
//   504                 before  504 gateway envelope errorCode "510" "Endpoint Timeout"
//   reset               before  req.socket.destroy() before any byte is sent
//   hang                before  no answer; the connection stays open until the client closes it (or the
//                               server closes: SIGTERM, or server.close() of startServer's server)
//   truncated           after   real status and headers with the Content-Length of the full real body,
//                               the first half (floor(bytes/2)) of the body, then the socket destroyed
//   invalid-json        after   real status, complete answer whose body is the first half of the real
//                               JSON (Content-Length of what is sent)
//   empty               after   200, Content-Type application/json, empty body
//   wrong-content-type  after   real status and JSON body, Content-Type text/plain; charset=utf-8
//   lost                after   the request is processed, then the socket destroyed before any byte
// The gateway envelopes of faults have details "Emulated fault NAME".
//
// Modules and their route tables
//   server.mjs routes, authenticates, injects faults, logs and answers; the API itself lives in modules:
//   ./workspaces.mjs, ./media.mjs (with ./indexgen.mjs), ./storage.mjs (imported statically) and, only
//   when the file exists, ./people.mjs and ./search.mjs (`await import()` guarded by fs.existsSync), in
//   that order. A module may export:
//     routes        [{ method, pattern, key, handler }]
//                     method   "GET" | "POST" | "PATCH" | "DELETE"
//                     pattern  RegExp over the path (no query string), anchored ^...$, with named groups for
//                              the path parameters; the group `ws` is the workspace name
//                     key      the fault route key, e.g. "GET /api/v1/workspaces/*/projects/*" (each path
//                              parameter written *); several routes may share one
//                     handler  (ctx) => Reply, or a Promise of one
//                   The first route (modules in the order above, routes in array order) whose method and
//                   pattern both match is taken; none -> the loud 404.
//     adminRoutes   [{ method, path, handler }] for exact paths under /__emulator/; handler({ state, req,
//                   query, json }) => Reply or Promise; `await json()` reads the body as JSON -> {value} or
//                   {error}
//     reset(state)  called once when the server starts and again on POST /__emulator/reset, after the core
//                   state (accounts, log, faults, clock, id counter) is cleared: (re)initialise the module's
//                   fields of `state` here (state.options holds the startServer options)
//     settle(state, ws)  called before every handler of a route with {ws}: bring time-driven state up to
//                   date (media.mjs finishes imports, analyses and summaries here, so ws.persons and
//                   analysedAssets(ws) are current when a handler runs)
//   ctx, what a handler gets (only after authentication succeeded):
//     state    the emulator state: keys, quota, accounts (access key -> Map name -> ws), log, faults,
//              clockOffsetMs, options, tickMs, buckets, nextId() (ids of everything: projects, assets,
//              persons, tags, ... from one counter per emulator, 1001 first, reset by /__emulator/reset)
//     req      the node:http IncomingMessage (req.headers["x-ncp-iam-access-key"] is the caller)
//     body     the whole body, a Buffer (empty when none)
//     params   the pattern's named groups, percent-decoded (a bad escape -> 400 code "400" before the handler)
//     query    URLSearchParams of the query string
//     account  Map workspaceName -> ws of the caller's access key
//     ws       the workspace record when the pattern has a `ws` group; the router answers itself, before the
//              handler: 400 code "400" when the name breaks the workspace name rules, 404 code "404"
//              "Workspace 'x' not found" when the caller has none of that name
//     json(opts?)  parses body: {value} (a JSON object) or {error: Reply}; Content-Type must be
//              application/json; opts.optional: an empty body is {}; opts.invalid(message) builds the 400
//              (default code "10001")
//   Replies and helpers come from ./common.mjs: Reply(status, body), success(result) (no argument: no
//   result key), serviceError(status, code, message), badRequest(message) (400 "400"), invalidRequest(message)
//   (400 "10001"), notFound(message) (404 "404"), conflict(message) (409 "409"), gatewayError(status,
//   errorCode, message, details), nowMs(state), kstNow(state), kstOf(ms), parseJsonBody, parseId(text),
//   parsePaging(query, {maxSize, defaultSize, invalid}), page(items, pageNum, pageSize).
//   The workspace record (workspaces.mjs) is { workspaceName, bucketName, accessKey, createdUserName,
//   createdTime, updatedUserName, updatedTime, monthlyAnalysisCount, projects: Map projectId -> project,
//   persons: Map personId -> person, personTags: Map tagId -> tag, faces: Map face key -> personId }.
//   A person registered by an analysis is { personId, name: null, description: null, tagIds: [],
//   thumbnails: [], createdTime, assetIds: Set, sceneCount }.
//   media.mjs also exports, for the other modules:
//     analysedAssets(ws) -> [{ project, asset, index }] for every asset of ws with a completed index, in
//                 project then asset order: project and asset as GET .../projects/{pid} and
//                 .../assets/{aid} answer them, index as GET .../index answers it at MEDIUM (settles ws
//                 first, so it is current even without a request)
//     indexView(ws, asset, level)  the index JSON of an asset record at LOW | MEDIUM | HIGH
//     remapPerson(ws, fromId, toId)  rewrites person fromId to toId in every index of ws and in ws.faces
//                 (for a merge); the person records themselves are the caller's business
//     initWorkspace(state, ws), workspaceBusy(state, ws) -> reason | null (used by workspaces.mjs)
//
// As a module: `import { signV2, startServer } from "./server.mjs"` (importing does not start a server).
// startServer({port, host, quiet, keys: [[ak, sk]], quota, tickMs, buckets (the Object Storage JSON),
// projectLimit}) resolves {server, state}; its server.close() also destroys connections held by "hang".

import { createHmac, timingSafeEqual } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { fileURLToPath, pathToFileURL } from "node:url";

import { Reply, authFailed, badRequest, gatewayError, nowMs, parseJsonBody } from "./common.mjs";
import { answerWithFault, isBeforeFault, parseFaults, takeFault } from "./faults.mjs";
import * as media from "./media.mjs";
import * as storage from "./storage.mjs";
import * as workspaces from "./workspaces.mjs";

const DEFAULT_KEYS = [["test-access-key", "test-secret-key"]];
const WINDOW_MS = 5 * 60 * 1000;
const BODY_LIMIT = 1024 * 1024;
const SIGNED_HEADERS = "content-type, x-ncp-apigw-timestamp, x-ncp-iam-access-key, x-ncp-apigw-signature-v2";

/** Signature v2: base64(HMAC-SHA256(secret, `${METHOD} ${URI}\n${timestamp}\n${accessKey}`)). */
export function signV2(method, uri, timestamp, accessKey, secretKey) {
  const message = `${method} ${uri}\n${timestamp}\n${accessKey}`;
  return createHmac("sha256", Buffer.from(secretKey, "utf8")).update(message, "utf8").digest("base64");
}

// -------------------------------------------------------------------------------------------- modules

/** The modules, in routing order: the two fixed ones, then people.mjs and search.mjs when they exist. */
const MODULES = [workspaces, media, storage];
for (const name of ["people.mjs", "search.mjs"]) {
  const url = new URL(`./${name}`, import.meta.url);
  if (existsSync(fileURLToPath(url))) MODULES.push(await import(url.href));
}

/** Every API route of every module, in order; the first whose method and pattern match is taken. */
const ROUTES = MODULES.flatMap((m) => m.routes ?? []);
/** Every admin route of every module: "METHOD /__emulator/..." -> handler. */
const MODULE_ADMIN = new Map(MODULES.flatMap((m) => (m.adminRoutes ?? []).map((r) => [`${r.method} ${r.path}`, r.handler])));
/** The fault route keys: "*" and each route key once. */
export const ROUTE_KEYS = ["*", ...new Set(ROUTES.map((r) => r.key))];

// ---------------------------------------------------------------------------------------------- state

function createState({ keys, quota, tickMs, buckets, projectLimit }) {
  const state = {
    keys: new Map(keys),
    quota,
    accounts: new Map(), // access key -> Map workspaceName -> workspace record
    log: [],
    faults: [],
    clockOffsetMs: 0,
    hanging: new Set(),
    options: { tickMs, buckets, projectLimit }, // as started; module reset() restores from these
    lastId: 1000,
    /** The next id of anything (projects, assets, persons, tags, ...): one counter per emulator. */
    nextId() {
      state.lastId += 1;
      return state.lastId;
    },
  };
  for (const m of MODULES) m.reset?.(state);
  return state;
}

function resetState(state) {
  state.accounts.clear();
  state.log.length = 0;
  state.faults.length = 0;
  state.clockOffsetMs = 0;
  state.lastId = 1000;
  for (const m of MODULES) m.reset?.(state);
}

function accountOf(state, accessKey) {
  if (!state.accounts.has(accessKey)) state.accounts.set(accessKey, new Map());
  return state.accounts.get(accessKey);
}

// -------------------------------------------------------------------------------------------- routing

function splitUrl(url) {
  const q = url.indexOf("?");
  return q < 0 ? [url, ""] : [url.slice(0, q), url.slice(q + 1)];
}

/** The route of `METHOD path` with its raw (still encoded) named groups, or null. */
function matchRoute(method, path) {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path);
    if (m) return { route, raw: { ...m.groups } };
  }
  return null;
}

// ----------------------------------------------------------------------------------------------- auth

/** Returns null when the request is authentic, else the 401 Reply. */
function authenticate(state, req) {
  const h = req.headers;
  for (const name of ["x-ncp-apigw-timestamp", "x-ncp-iam-access-key", "x-ncp-apigw-signature-v2"]) {
    if (h[name] === undefined || h[name] === "") return authFailed(`Missing header ${name}`);
  }
  const timestamp = h["x-ncp-apigw-timestamp"];
  const accessKey = h["x-ncp-iam-access-key"];
  const secretKey = state.keys.get(accessKey);
  if (secretKey === undefined) return authFailed("Unknown access key");
  if (!/^[0-9]+$/.test(timestamp)) return authFailed("Timestamp is not a decimal number of milliseconds");
  if (!(Math.abs(Number(timestamp) - nowMs(state)) <= WINDOW_MS)) {
    return authFailed("Timestamp is outside the 5 minute window");
  }
  const expected = Buffer.from(signV2(req.method, req.url, timestamp, accessKey, secretKey), "utf8");
  const given = Buffer.from(h["x-ncp-apigw-signature-v2"], "utf8");
  const same = given.length === expected.length && timingSafeEqual(given, expected);
  return same ? null : authFailed("Invalid signature");
}

// ------------------------------------------------------------------------------------------- handling

/** Runs an authenticated request of a known route: decodes the path groups, finds {ws}, calls the handler. */
async function handle(state, req, body, route, raw, queryText) {
  const params = {};
  for (const [name, text] of Object.entries(raw)) {
    if (text === undefined) continue;
    try {
      params[name] = decodeURIComponent(text);
    } catch {
      return badRequest(`${name === "ws" ? "workspaceName" : name} in the path is not valid percent-encoding`);
    }
  }
  const account = accountOf(state, req.headers["x-ncp-iam-access-key"]);
  let ws;
  if (params.ws !== undefined) {
    const nameError = workspaces.checkWorkspaceName(params.ws);
    if (nameError) return badRequest(nameError);
    ws = account.get(params.ws);
    if (!ws) return new Reply(404, { code: "404", message: `Workspace '${params.ws}' not found` });
    for (const m of MODULES) m.settle?.(state, ws);
  }
  const ctx = {
    state,
    req,
    body,
    params,
    query: new URLSearchParams(queryText),
    account,
    ws,
    json: (opts) => parseJsonBody(req, body, opts),
  };
  return await route.handler(ctx);
}

// ---------------------------------------------------------------------------------------------- admin

const ADMIN_WITH_BODY = new Set(["POST /__emulator/faults", "POST /__emulator/clock"]);

/** Reads an admin JSON body: {value} or {error: Reply}. */
async function readAdminJson(req) {
  const body = await readBody(req, BODY_LIMIT);
  if (body === null) return { error: gatewayError(413, "430", "Request Entity Too Large", "Body is over 1 MiB") };
  try {
    return { value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body)) };
  } catch {
    return { error: badRequest("Request body must be valid JSON") };
  }
}

const clockReply = (state) => new Reply(200, { offsetMs: state.clockOffsetMs, now: nowMs(state) });

async function admin(state, req, path, queryText) {
  const at = `${req.method} ${path}`;
  const moduleHandler = MODULE_ADMIN.get(at);
  if (moduleHandler) {
    let read = false;
    const json = () => {
      read = true;
      return readAdminJson(req);
    };
    const reply = await moduleHandler({ state, req, query: new URLSearchParams(queryText), json });
    if (!read) req.resume();
    return reply;
  }
  if (!ADMIN_WITH_BODY.has(at)) req.resume(); // drain a body nobody reads
  switch (at) {
    case "GET /__emulator/requests":
      return new Reply(200, state.log);
    case "GET /__emulator/health":
      return new Reply(200, { ok: true });
    case "GET /__emulator/routes":
      return new Reply(200, ROUTES.map((r) => ({ method: r.method, key: r.key, pattern: r.pattern.source })));
    case "POST /__emulator/reset":
      resetState(state);
      return new Reply(204, null);
    case "GET /__emulator/workspaces": {
      const all = [];
      for (const [accessKey, account] of state.accounts) {
        for (const ws of account.values()) {
          all.push({ accessKey, workspaceName: ws.workspaceName, bucketName: ws.bucketName, createdTime: ws.createdTime });
        }
      }
      return new Reply(200, all);
    }
    case "GET /__emulator/faults":
      return new Reply(200, { faults: state.faults });
    case "POST /__emulator/faults": {
      const input = await readAdminJson(req);
      if (input.error) return input.error;
      const parsed = parseFaults(input.value, ROUTE_KEYS);
      if (parsed.error) return badRequest(parsed.error);
      state.faults.push(...parsed.faults);
      return new Reply(200, { faults: state.faults });
    }
    case "DELETE /__emulator/faults":
      state.faults.length = 0;
      return new Reply(204, null);
    case "GET /__emulator/clock":
      return clockReply(state);
    case "POST /__emulator/clock": {
      const input = await readAdminJson(req);
      if (input.error) return input.error;
      const offset = input.value?.offsetMs;
      if (!Number.isSafeInteger(offset)) return badRequest('Request body must be {"offsetMs":N} with N an integer');
      state.clockOffsetMs = offset;
      return clockReply(state);
    }
  }
  return gatewayError(404, "300", "Not Found Exception", `No route for ${req.method} ${path}`);
}

// ------------------------------------------------------------------------------------------------ I/O

/** Reads the whole body; resolves null when it is over the limit (the rest is drained, not kept). */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on("error", reject);
    req.on("close", () => reject(new Error("request closed before its end")));
  });
}

function corsHeaders(req, preflight) {
  const headers = {
    "Access-Control-Allow-Origin": req.headers.origin || "*",
    Vary: "Origin",
    "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": (preflight && req.headers["access-control-request-headers"]) || SIGNED_HEADERS,
    "Access-Control-Expose-Headers": "Date, Retry-After",
    "Access-Control-Max-Age": "600",
  };
  if (preflight && req.headers["access-control-request-private-network"] === "true") {
    headers["Access-Control-Allow-Private-Network"] = "true";
  }
  return headers;
}

/** The headers of every answer: CORS and Date from the emulator clock. */
function baseHeaders(state, req) {
  return { ...corsHeaders(req, req.method === "OPTIONS"), Date: new Date(nowMs(state)).toUTCString() };
}

function send(state, req, res, reply) {
  if (res.headersSent || res.destroyed) return;
  const headers = baseHeaders(state, req);
  if (reply.status === 204) {
    res.writeHead(204, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  headers["Content-Type"] = "application/json; charset=utf-8";
  headers["Content-Length"] = Buffer.byteLength(text);
  res.writeHead(reply.status, headers);
  res.end(text);
}

function logEntry(req, status, fault) {
  const headers = { ...req.headers };
  if ("x-ncp-apigw-signature-v2" in headers) headers["x-ncp-apigw-signature-v2"] = "<redacted>";
  const entry = { method: req.method, url: req.url, headers, status };
  if (fault) entry.fault = fault.fault;
  return entry;
}

/** Decides the Reply for one request; sets ctx.fault when the request takes a scripted fault (the Reply
 * is then null for a before-fault). */
async function route(state, req, ctx) {
  const [path, queryText] = splitUrl(req.url);
  if (req.method === "OPTIONS") {
    req.resume(); // drain a body nobody reads
    return new Reply(204, null);
  }
  if (path.startsWith("/__emulator/")) return admin(state, req, path, queryText);
  const known = matchRoute(req.method, path);
  if (!known) {
    req.resume();
    process.stderr.write(`emulator: unknown route ${req.method} ${path}\n`); // loud even with --quiet
    return gatewayError(404, "300", "Not Found Exception", `No route for ${req.method} ${path}`);
  }
  ctx.fault = takeFault(state.faults, known.route.key);
  const body = await readBody(req, BODY_LIMIT);
  if (ctx.fault && isBeforeFault(ctx.fault.fault)) return null;
  if (body === null) return gatewayError(413, "430", "Request Entity Too Large", "Body is over 1 MiB");
  const denied = authenticate(state, req);
  if (denied) return denied;
  return handle(state, req, body, known.route, known.raw, queryText);
}

/** Answers one request; a thrown error becomes a 500 gateway envelope. */
async function serve(state, quiet, req, res) {
  const ctx = { fault: null };
  let reply;
  try {
    reply = await route(state, req, ctx);
  } catch (err) {
    if (req.destroyed && !req.complete) return; // the client went away mid-body
    process.stderr.write(`emulator error: ${err && err.stack ? err.stack : err}\n`);
    reply = gatewayError(500, "900", "Unexpected Error", "The emulator failed on this request");
  }
  let status = reply?.status;
  if (ctx.fault) {
    if (res.destroyed) return;
    const real = reply && { status: reply.status, text: JSON.stringify(reply.body) };
    status = answerWithFault(req, res, ctx.fault, baseHeaders(state, req), real);
    if (status === "hang") {
      const socket = req.socket;
      state.hanging.add(socket);
      socket.once("close", () => state.hanging.delete(socket));
    }
  }
  if (!splitUrl(req.url)[0].startsWith("/__emulator/")) state.log.push(logEntry(req, status, ctx.fault));
  if (!quiet) process.stderr.write(`${req.method} ${req.url} -> ${status}${ctx.fault ? ` (fault ${ctx.fault.fault})` : ""}\n`);
  if (!ctx.fault) send(state, req, res, reply);
}

/**
 * Starts an emulator in this process. Options: port, host, quiet, keys ([[ak, sk], ...]), quota (workspaces
 * per account), tickMs (state-machine step), buckets (the Object Storage JSON of MI_EMULATOR_BUCKETS, as a
 * value; default storage.DEFAULT_BUCKETS), projectLimit (projects per workspace). Resolves {server, state}.
 */
export function startServer({
  port = 0,
  host = "127.0.0.1",
  quiet = false,
  keys = DEFAULT_KEYS,
  quota = 10,
  tickMs = media.DEFAULT_TICK_MS,
  buckets = storage.DEFAULT_BUCKETS,
  projectLimit = media.DEFAULT_PROJECT_LIMIT,
} = {}) {
  const parsed = storage.parseBuckets(buckets);
  if (parsed.error) return Promise.reject(new Error(`buckets: ${parsed.error}`));
  const state = createState({ keys, quota, tickMs, buckets: parsed.buckets, projectLimit });
  const server = createServer((req, res) => {
    res.on("error", () => {});
    req.on("error", () => {});
    serve(state, quiet, req, res).catch((err) => {
      // Last resort: a failure while answering. Report it and drop the connection, never the process.
      process.stderr.write(`emulator error: ${err && err.stack ? err.stack : err}\n`);
      res.destroy();
    });
  });
  const close = server.close.bind(server);
  server.close = (callback) => {
    for (const socket of state.hanging) socket.destroy(); // "hang" would keep close() waiting forever
    return close(callback);
  };
  server.on("clientError", (err, socket) => {
    if (!socket.writable) return socket.destroy();
    const text = JSON.stringify({ error: { errorCode: "100", message: "Bad Request Exception", details: "Malformed HTTP request" } });
    socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve({ server, state }));
  });
}

// ------------------------------------------------------------------------------------------------ CLI

function fail(message) {
  process.stderr.write(`server.mjs: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { port: 0, host: "127.0.0.1", quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--quiet") opts.quiet = true;
    else if (arg === "--port" || arg === "--host") {
      if (i + 1 >= argv.length) fail(`${arg} needs a value`);
      opts[arg.slice(2)] = argv[++i];
    } else fail(`unknown argument ${arg}; usage: server.mjs [--port N] [--host H] [--quiet]`);
  }
  if (!/^[0-9]+$/.test(String(opts.port)) || Number(opts.port) > 65535) fail("--port must be 0..65535");
  opts.port = Number(opts.port);
  return opts;
}

function parseKeys(text) {
  const keys = [...DEFAULT_KEYS];
  for (const entry of (text ?? "").split(",")) {
    const pair = entry.trim();
    if (pair === "") continue;
    const colon = pair.indexOf(":");
    if (colon <= 0 || colon === pair.length - 1) fail("MI_EMULATOR_KEYS must look like ak:sk,ak2:sk2");
    keys.push([pair.slice(0, colon), pair.slice(colon + 1)]);
  }
  return keys;
}

function parseQuota(text) {
  if (text === undefined || text === "") return 10;
  if (!/^[0-9]+$/.test(text)) fail("MI_EMULATOR_QUOTA must be a non-negative integer");
  return Number(text);
}

function parsePositive(name, text, fallback) {
  if (text === undefined || text === "") return fallback;
  if (!/^[0-9]{1,9}$/.test(text) || Number(text) < 1) fail(`${name} must be a positive integer`);
  return Number(text);
}

function parseBucketsEnv(text) {
  if (text === undefined || text === "") return storage.DEFAULT_BUCKETS;
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    fail("MI_EMULATOR_BUCKETS must be JSON");
  }
  const parsed = storage.parseBuckets(value);
  if (parsed.error) fail(`MI_EMULATOR_BUCKETS: ${parsed.error}`);
  return value;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const keys = parseKeys(process.env.MI_EMULATOR_KEYS);
  const quota = parseQuota(process.env.MI_EMULATOR_QUOTA);
  const tickMs = parsePositive("MI_EMULATOR_TICK_MS", process.env.MI_EMULATOR_TICK_MS, media.DEFAULT_TICK_MS);
  const projectLimit = parsePositive("MI_EMULATOR_PROJECT_LIMIT", process.env.MI_EMULATOR_PROJECT_LIMIT, media.DEFAULT_PROJECT_LIMIT);
  const buckets = parseBucketsEnv(process.env.MI_EMULATOR_BUCKETS);
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {}); // a closed pipe
  const { server } = await startServer({ ...opts, keys, quota, tickMs, buckets, projectLimit });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once("SIGTERM", stop); // installed before the line below: whoever reads it may signal at once
  process.once("SIGINT", stop);
  const { port } = server.address();
  const host = opts.host.includes(":") ? `[${opts.host}]` : opts.host;
  process.stdout.write(`listening http://${host}:${port}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => fail(err && err.message ? err.message : String(err)));
}
