// The person DB of a workspace (operations #29 to #48 of mi-api.md): persons, person tags, thumbnails and
// their presigned uploads, merges and similar faces. The route-table interface is documented in server.mjs;
// the upload machinery (presigned URL on the emulator, checks at complete) in search.mjs; facts in
// ../shared/mi-api.md section 2.7. Shapes the documentation does not show are marked GUESS.
//
// Errors (service envelope {code, message}): 400 "10001" for a broken input rule (the message names the
// field and the rule; also a path id that is not a positive integer), 404 "404" for an unknown (or merged
// away) person, an unknown tag or thumbnail id in a body, 409 "409" for a conflict with the stored state.
// Optional fields may be null (= absent); unknown fields are ignored (forward compatible).
//
// Person JSON (GUESS beyond the old edition's id/name/description/tags/thumbnails: the docs are ambiguous
// about id versus personId, section 4 D.23, so both are sent):
//   {id, personId, name: string|null (null: anonymous), description: string|null, tags: [{id, name}],
//    thumbnails: [{id, url, isPrimaryThumbnail}], assetCount, sceneCount, createdTime}
//   thumbnails[].url: http://HOST/__emulator/thumbnails?key=<thumbnailKey> (GUESS: a presigned URL in the
//   real service). It answers 200 {thumbnailKey, format, width, height, size} without authentication (the
//   router sends only JSON, so the image itself is not served); 404 {code, message} for a key no upload has.
// Paged result (as #29 and #44 document): {content, totalCount, totalPage, pageNo, pageSize}.
//
// Routes ({ws} = /api/v1/workspaces/{ws}; {person} and {tag} positive integers)
//   GET    {ws}/persons?pageNum&pageSize&name&tagIdList              #29 -> paged persons
//          pageNum required >= 1; pageSize 1..1000 (default 1000); name 2..50 characters without ; | or `,
//          matches persons whose name contains it (case-insensitive); tagIdList "1,2" up to 30 positive
//          integers, matches persons having at least one of them (GUESS: any, not all). Order: personId.
//   POST   {ws}/persons  {name?, description?, thumbnails}          #30 -> person
//          name 1..50 characters, not blank, unique among the workspace's persons (409), null or absent:
//          anonymous; description 1..700 characters; thumbnails 1..100 of {thumbnailKey, isPrimaryThumbnail
//          (boolean)}, exactly one primary, keys distinct, each a thumbnail upload of this workspace that
//          #48 answered COMPLETED and at most 24 h old (400 otherwise).
//   GET    {ws}/persons/{person}                                    #31 -> person
//   PATCH  {ws}/persons/{person}  {name?, description?, primaryThumbnailId?}   #32 -> person
//          same name/description rules (a name may be given to an anonymous person); primaryThumbnailId
//          must be one of the person's thumbnails (404).
//   DELETE {ws}/persons/{person}                                    #33 -> the person as it was
//          its detected faces are forgotten (a later analysis finds them as a new anonymous person); the
//          indexes keep its id, now without a name (the docs: labels revert to anonymous).
//   POST   {ws}/persons/search  {pageNum, pageSize?, name?, personIds?, tagIds?, nameType?, sortColumn?,
//          sortType?}                                               #34 -> paged persons (GUESS shape)
//          pageNum required >= 1; pageSize 1..50 (default 10); name as in #29; personIds, tagIds arrays of
//          positive integers (any of the tags); nameType NAMED | ANONYMOUS; sortColumn ASSET_COUNT (default)
//          | CREATED_AT | PERSON_ID | NAME; sortType ASC | DESC (default). Ties by personId ascending;
//          anonymous persons (no name) come last when sorting by NAME.
//   POST   {ws}/persons/{person}/merge  {personIds}                 #35
//          -> {personId, transferredAssetCount, transferredThumbnailCount, mergedTime}
//          personIds 1..10 positive integers (duplicates count once), not {person} itself (400); an id
//          merged before: 409; unknown: 404. The merged persons disappear (their ids answer 404, and count as
//          {person} in the person queries of asset searches); their thumbnails move (not primary; the first
//          one becomes primary when {person} had none), their assets and scenes move: media.remapPerson
//          rewrites every index and the face table, so GET .../index names {person}, and {person}'s
//          sceneCount is recounted from the indexes (a scene with both counts once). Tags of merged persons
//          are dropped (GUESS). transferredAssetCount: the distinct assets of the merged persons (GUESS);
//          transferredThumbnailCount: the thumbnails moved; mergedTime: KST ISO 8601 like every time here.
//   GET    {ws}/persons/{person}/similar?personCount=1..10&scoreThreshold=80..100   #36
//          -> {personId, similarPersons: [{personId, name, score}]} (GUESS for name and score), defaults 3 and
//          80. A person with no face (no thumbnail and no face detected by an analysis) cannot be the base:
//          409 (no such person exists today: creating needs a thumbnail, analyses detect faces).
//   POST   {ws}/persons/recommend-by-thumbnail  {thumbnailKey, personCount?, scoreThreshold?}   #37
//          -> {thumbnailKey, similarPersons: [{personId, name, score}]} (GUESS: the response was not seen)
//   POST   {ws}/persons/{person}/person-tags  {tagIds}              #38 -> {personId, tagList: [{id, name}]}
//          tagIds 1.. positive integers, duplicates ignored, each an existing tag (404).
//   DELETE {ws}/persons/{person}/person-tags  {tagIds}  (a body on DELETE)   #39 -> as #38
//   POST   {ws}/persons/{person}/person-tags/remove  {tagIds}       #40 -> as #38; unknown ids ignored.
//   POST   {ws}/persons/{person}/person-thumbnail  {thumbnails}     #41
//          -> {personId, thumbnailList: [{id, url, isPrimaryThumbnail}]}; 1..100 new thumbnails, at most one
//          primary (it then replaces the old primary), the person ends with at most 100 (GUESS).
//   DELETE {ws}/persons/{person}/person-thumbnail  {thumbnailIds}   #42 -> as #41
//   POST   {ws}/persons/{person}/person-thumbnail/remove  {thumbnailIds}     #43 -> as #41
//          unknown ids ignored; removing every thumbnail: 409; when the primary goes, the oldest remaining
//          thumbnail becomes primary (GUESS).
//   GET    {ws}/person-tags?pageNum&pageSize&id&name                #44 -> paged {id, name, createdTime,
//          createdUserName}; pageNum required; pageSize 1..50 (default 10); id a positive integer; name 1..30
//          characters, contained in the tag's name (case-insensitive). Order: id.
//   POST   {ws}/person-tags  {name}                                 #45 -> {id, name, createdTime, createdUserName}
//          name 1..30 characters, not blank, unique in the workspace (409). createdUserName: the access key.
//   DELETE {ws}/person-tags/{tag}                                   #46 -> no result; a tag a person has: 409
//   POST   {ws}/person-thumbnail/uploads/presigned-url  {thumbnailFileName}   #47
//          -> {thumbnailKey, url, expirationSeconds}; the file name 1..255 characters, no / \ or control
//          character, ending in .jpg .jpeg .png or .webp (GUESS: the docs list the formats, not this check).
//          thumbnailKey "<ws>/<10 random>/<thumbnailFileName>" (as the docs' example).
//   POST   {ws}/person-thumbnail/uploads/complete  {thumbnailKey}  #48 -> {uploadStatus, uploadMessage?} (no
//          key echo, as the docs show); like #28 but jpg/png/webp only and at least 256 px.
//   The upload URL, its single use and expiry, and the control routes are described in search.mjs.
//
// Face similarity (deterministic): a person's faces are its thumbnails' (the SHA-256 of the uploaded
// bytes) and the cast faces analyses detected as it (ws.faces, media.mjs). Two equal faces score 100, two
// different ones 50 + hash(both) mod 50 (50..99); so a thumbnail uploaded twice finds its person at 100.
// A person's score against another is the best over their pairs of faces. similarPersons: the persons other than the base with a score >= scoreThreshold, highest
// first (ties: personId ascending), at most personCount.

import { Reply, conflict, invalidRequest, kstNow, notFound, page, parseId, success } from "./common.mjs";
import { analysedAssets, remapPerson } from "./media.mjs";
import {
  checkFileName, checkIdList, checkText, completeUpload, hash32, isId, issueUpload, randomText, sniffImage, uploadBase, usableUpload,
} from "./search.mjs";

const FORBIDDEN = /[;|`]/;
const SORT_COLUMNS = ["ASSET_COUNT", "CREATED_AT", "PERSON_ID", "NAME"];
const MAX_THUMBNAILS = 100;

const given = (value) => value !== undefined && value !== null;
const caller = (ctx) => ctx.req.headers["x-ncp-iam-access-key"];

// ------------------------------------------------------------------------------------------- JSON shapes

function thumbnailJson(ctx, t) {
  return { id: t.id, url: `${uploadBase(ctx.state, ctx.req)}/__emulator/thumbnails?key=${encodeURIComponent(t.thumbnailKey)}`, isPrimaryThumbnail: t.isPrimaryThumbnail };
}

const tagListOf = (ws, person) => person.tagIds.filter((id) => ws.personTags.has(id)).map((id) => ({ id, name: ws.personTags.get(id).name }));

function personJson(ctx, person) {
  return {
    id: person.personId,
    personId: person.personId,
    name: person.name ?? null,
    description: person.description ?? null,
    tags: tagListOf(ctx.ws, person),
    thumbnails: person.thumbnails.map((t) => thumbnailJson(ctx, t)),
    assetCount: person.assetIds ? person.assetIds.size : 0,
    sceneCount: person.sceneCount ?? 0,
    createdTime: person.createdTime,
  };
}

const tagJson = (tag) => ({ id: tag.id, name: tag.name, createdTime: tag.createdTime, createdUserName: tag.createdUserName });

// ------------------------------------------------------------------------------------------- lookups

/** The person of the path: {person} or {error: Reply}. */
function personOf(ctx) {
  const id = parseId(ctx.params.personId);
  if (id === null) return { error: invalidRequest("person_id must be a positive integer") };
  const person = ctx.ws.persons.get(id);
  if (!person) return { error: notFound(`Person ${ctx.params.personId} not found`) };
  return { person };
}

const checkName = (name) => checkText("name", name, 1, 50);

function nameTaken(ws, name, except) {
  for (const p of ws.persons.values()) if (p !== except && p.name === name) return true;
  return false;
}

/** The thumbnails list of a body: {items: [{thumbnailKey, isPrimaryThumbnail, record}]} or {error: Reply}. */
function parseThumbnails(ctx, list, { exactlyOnePrimary }) {
  if (!given(list)) return { error: invalidRequest("thumbnails is required") };
  if (!Array.isArray(list) || list.length < 1 || list.length > MAX_THUMBNAILS) {
    return { error: invalidRequest(`thumbnails must be an array of 1 to ${MAX_THUMBNAILS} items`) };
  }
  const items = [];
  const keys = new Set();
  for (const [i, t] of list.entries()) {
    const at = `thumbnails[${i}]`;
    if (t === null || typeof t !== "object" || Array.isArray(t)) return { error: invalidRequest(`${at} must be an object {thumbnailKey, isPrimaryThumbnail}`) };
    if (typeof t.thumbnailKey !== "string" || t.thumbnailKey === "") return { error: invalidRequest(`${at}.thumbnailKey is required, a non-empty string`) };
    if (typeof t.isPrimaryThumbnail !== "boolean") return { error: invalidRequest(`${at}.isPrimaryThumbnail is required, a boolean`) };
    if (keys.has(t.thumbnailKey)) return { error: invalidRequest(`${at}.thumbnailKey repeats an earlier thumbnail`) };
    keys.add(t.thumbnailKey);
    const usable = usableUpload(ctx, "thumbnail", t.thumbnailKey, `${at}.thumbnailKey`);
    if (usable.error) return { error: invalidRequest(usable.error) };
    items.push({ thumbnailKey: t.thumbnailKey, isPrimaryThumbnail: t.isPrimaryThumbnail, face: usable.record.sha256 });
  }
  const primaries = items.filter((t) => t.isPrimaryThumbnail).length;
  if (exactlyOnePrimary && primaries !== 1) return { error: invalidRequest("thumbnails must have exactly one with isPrimaryThumbnail true") };
  if (!exactlyOnePrimary && primaries > 1) return { error: invalidRequest("thumbnails must have at most one with isPrimaryThumbnail true") };
  return { items };
}

const newThumbnail = (state, item) => ({ id: state.nextId(), thumbnailKey: item.thumbnailKey, isPrimaryThumbnail: item.isPrimaryThumbnail, face: item.face });

// ------------------------------------------------------------------------------------------- persons

function parseTagIdList(text) {
  const parts = text.split(",").map((s) => s.trim());
  const ids = parts.map(parseId);
  if (ids.some((id) => id === null)) return { error: "tagIdList must be comma-separated positive integers" };
  if (ids.length > 30) return { error: "tagIdList must have at most 30 ids" };
  return { ids };
}

function checkNameFilter(name) {
  const error = checkText("name", name, 2, 50);
  if (error) return error;
  return FORBIDDEN.test(name) ? "name must be without ; | or `" : null;
}

const nameContains = (person, needle) => person.name != null && person.name.toLowerCase().includes(needle.toLowerCase());
const hasAnyTag = (person, ids) => ids.some((id) => person.tagIds.includes(id));
const byId = (a, b) => a.personId - b.personId;

function listPersons(ctx) {
  const { query, ws } = ctx;
  const num = query.get("pageNum");
  if (num === null || num === "") return invalidRequest("pageNum is required");
  if (!/^[0-9]{1,9}$/.test(num) || Number(num) < 1) return invalidRequest("pageNum must be an integer >= 1");
  const size = query.get("pageSize");
  let pageSize = 1000;
  if (size !== null && size !== "") {
    if (!/^[0-9]{1,9}$/.test(size) || Number(size) < 1 || Number(size) > 1000) return invalidRequest("pageSize must be an integer from 1 to 1000");
    pageSize = Number(size);
  }
  let persons = [...ws.persons.values()];
  const name = query.get("name");
  if (name !== null) {
    const error = checkNameFilter(name);
    if (error) return invalidRequest(error);
    persons = persons.filter((p) => nameContains(p, name));
  }
  const tagText = query.get("tagIdList");
  if (tagText !== null && tagText !== "") {
    const parsed = parseTagIdList(tagText);
    if (parsed.error) return invalidRequest(parsed.error);
    persons = persons.filter((p) => hasAnyTag(p, parsed.ids));
  }
  persons.sort(byId);
  const result = page(persons, Number(num), pageSize);
  return success({ ...result, content: result.content.map((p) => personJson(ctx, p)) });
}

function createPerson(ctx) {
  const { state, ws } = ctx;
  const input = ctx.json();
  if (input.error) return input.error;
  const { name, description, thumbnails } = input.value;
  if (given(name)) {
    const error = checkName(name);
    if (error) return invalidRequest(error);
  }
  if (given(description)) {
    const error = checkText("description", description, 1, 700);
    if (error) return invalidRequest(error);
  }
  const parsed = parseThumbnails(ctx, thumbnails, { exactlyOnePrimary: true });
  if (parsed.error) return parsed.error;
  if (given(name) && nameTaken(ws, name)) return conflict(`Person '${name}' already exists`);
  const personId = state.nextId();
  const person = {
    personId,
    name: given(name) ? name : null,
    description: given(description) ? description : null,
    tagIds: [],
    thumbnails: parsed.items.map((item) => newThumbnail(state, item)),
    createdTime: kstNow(state),
    assetIds: new Set(),
    sceneCount: 0,
  };
  ws.persons.set(personId, person);
  return success(personJson(ctx, person));
}

function getPerson(ctx) {
  const found = personOf(ctx);
  return found.error ?? success(personJson(ctx, found.person));
}

function updatePerson(ctx) {
  const found = personOf(ctx);
  if (found.error) return found.error;
  const { person } = found;
  const input = ctx.json();
  if (input.error) return input.error;
  const { name, description, primaryThumbnailId } = input.value;
  if (given(name)) {
    const error = checkName(name);
    if (error) return invalidRequest(error);
  }
  if (given(description)) {
    const error = checkText("description", description, 1, 700);
    if (error) return invalidRequest(error);
  }
  if (given(primaryThumbnailId) && !isId(primaryThumbnailId)) return invalidRequest("primaryThumbnailId must be a positive integer");
  if (given(primaryThumbnailId) && !person.thumbnails.some((t) => t.id === primaryThumbnailId)) {
    return notFound(`Thumbnail ${primaryThumbnailId} of person ${person.personId} not found`);
  }
  if (given(name) && nameTaken(ctx.ws, name, person)) return conflict(`Person '${name}' already exists`);
  if (given(name)) person.name = name;
  if (given(description)) person.description = description;
  if (given(primaryThumbnailId)) for (const t of person.thumbnails) t.isPrimaryThumbnail = t.id === primaryThumbnailId;
  return success(personJson(ctx, person));
}

function deletePerson(ctx) {
  const found = personOf(ctx);
  if (found.error) return found.error;
  const { person } = found;
  const { ws } = ctx;
  const before = personJson(ctx, person);
  ws.persons.delete(person.personId);
  if (ws.faces) for (const [face, id] of ws.faces) if (id === person.personId) ws.faces.delete(face);
  return success(before);
}

function comparePersons(column, type) {
  const sign = type === "ASC" ? 1 : -1;
  const value = {
    ASSET_COUNT: (p) => (p.assetIds ? p.assetIds.size : 0),
    CREATED_AT: (p) => p.createdTime,
    PERSON_ID: (p) => p.personId,
    NAME: (p) => p.name,
  }[column];
  return (a, b) => {
    const x = value(a);
    const y = value(b);
    if (column === "NAME" && (x == null || y == null)) {
      if (x == null && y == null) return byId(a, b);
      return x == null ? 1 : -1; // anonymous persons last either way
    }
    if (x < y) return -sign;
    if (x > y) return sign;
    return byId(a, b);
  };
}

function searchPersons(ctx) {
  const input = ctx.json();
  if (input.error) return input.error;
  const { pageNum, pageSize, name, personIds, tagIds, nameType, sortColumn, sortType } = input.value;
  if (!given(pageNum)) return invalidRequest("pageNum is required");
  if (!isId(pageNum)) return invalidRequest("pageNum must be an integer >= 1");
  let size = 10;
  if (given(pageSize)) {
    if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > 50) return invalidRequest("pageSize must be an integer from 1 to 50");
    size = pageSize;
  }
  let persons = [...ctx.ws.persons.values()];
  if (given(name)) {
    const error = checkNameFilter(name);
    if (error) return invalidRequest(error);
    persons = persons.filter((p) => nameContains(p, name));
  }
  if (given(personIds)) {
    const error = checkIdList("personIds", personIds);
    if (error) return invalidRequest(error);
    persons = persons.filter((p) => personIds.includes(p.personId));
  }
  if (given(tagIds)) {
    const error = checkIdList("tagIds", tagIds);
    if (error) return invalidRequest(error);
    if (tagIds.length > 0) persons = persons.filter((p) => hasAnyTag(p, tagIds));
  }
  if (given(nameType)) {
    if (nameType !== "NAMED" && nameType !== "ANONYMOUS") return invalidRequest("nameType must be NAMED or ANONYMOUS");
    persons = persons.filter((p) => (p.name != null) === (nameType === "NAMED"));
  }
  const column = sortColumn ?? "ASSET_COUNT";
  if (!SORT_COLUMNS.includes(column)) return invalidRequest(`sortColumn must be one of ${SORT_COLUMNS.join(", ")}`);
  const type = sortType ?? "DESC";
  if (type !== "ASC" && type !== "DESC") return invalidRequest("sortType must be ASC or DESC");
  persons.sort(comparePersons(column, type));
  const result = page(persons, pageNum, size);
  return success({ ...result, content: result.content.map((p) => personJson(ctx, p)) });
}

// --------------------------------------------------------------------------------------------- merge

function mergePersons(ctx) {
  const { state, ws } = ctx;
  const found = personOf(ctx);
  if (found.error) return found.error;
  const target = found.person;
  const input = ctx.json();
  if (input.error) return input.error;
  const { personIds } = input.value;
  if (!given(personIds)) return invalidRequest("personIds is required");
  const ids = Array.isArray(personIds) ? [...new Set(personIds)] : personIds;
  const error = checkIdList("personIds", ids, { min: 1, max: 10 });
  if (error) return invalidRequest(error);
  if (ids.includes(target.personId)) return invalidRequest("personIds must not contain the person merged into (person_id)");
  ws.mergedInto ??= new Map();
  for (const id of ids) {
    if (ws.mergedInto.has(id)) return conflict(`Person ${id} was already merged`);
    if (!ws.persons.has(id)) return notFound(`Person ${id} not found`);
  }
  const sources = ids.map((id) => ws.persons.get(id));
  const moved = new Set(ids);
  // Assets.
  const assets = new Set();
  for (const p of sources) for (const a of p.assetIds ?? []) assets.add(a);
  target.assetIds ??= new Set();
  for (const a of assets) target.assetIds.add(a);
  // Scenes and faces: every index and the face table now name the target (media.mjs), and the target's
  // scene count is recounted from the indexes (a scene with both persons counts once).
  for (const id of ids) remapPerson(ws, id, target.personId);
  let sceneCount = 0;
  for (const { index } of analysedAssets(ws)) {
    for (const scene of index.scenes ?? []) if (scene.personIds.includes(target.personId)) sceneCount += 1;
  }
  target.sceneCount = sceneCount;
  // Thumbnails.
  let transferredThumbnailCount = 0;
  for (const p of sources) {
    for (const t of p.thumbnails) {
      target.thumbnails.push({ ...t, isPrimaryThumbnail: false });
      transferredThumbnailCount += 1;
    }
  }
  if (!target.thumbnails.some((t) => t.isPrimaryThumbnail) && target.thumbnails.length > 0) target.thumbnails[0].isPrimaryThumbnail = true;
  for (const id of ids) {
    ws.persons.delete(id);
    ws.mergedInto.set(id, target.personId);
  }
  return success({
    personId: target.personId,
    transferredAssetCount: assets.size,
    transferredThumbnailCount,
    mergedTime: kstNow(state),
  });
}

// ------------------------------------------------------------------------------------- similar faces

/** The faces of a person: its thumbnails' and the faces analyses detected as it (see the header). */
function facesOf(ws, person) {
  const faces = person.thumbnails.map((t) => t.face ?? `key:${t.thumbnailKey}`);
  for (const [face, id] of ws.faces ?? []) if (id === person.personId) faces.push(`cast:${face}`);
  return faces;
}

function faceScore(a, b) {
  if (a === b) return 100;
  const [x, y] = a < b ? [a, b] : [b, a];
  return 50 + (hash32("face", x, y) % 50);
}

function bestScore(facesA, facesB) {
  let best = -1;
  for (const a of facesA) for (const b of facesB) best = Math.max(best, faceScore(a, b));
  return best;
}

/** Reads personCount / scoreThreshold (numbers, from a body or already parsed from a query): {count, threshold} or {error}. */
function checkSimilarOptions(personCount, scoreThreshold) {
  const count = given(personCount) ? personCount : 3;
  if (!Number.isSafeInteger(count) || count < 1 || count > 10) return { error: "personCount must be an integer from 1 to 10" };
  const threshold = given(scoreThreshold) ? scoreThreshold : 80;
  if (!Number.isSafeInteger(threshold) || threshold < 80 || threshold > 100) return { error: "scoreThreshold must be an integer from 80 to 100" };
  return { count, threshold };
}

function similarTo(ws, faces, except, { count, threshold }) {
  const out = [];
  for (const p of ws.persons.values()) {
    if (p === except) continue;
    const score = bestScore(faces, facesOf(ws, p));
    if (score >= threshold) out.push({ personId: p.personId, name: p.name ?? null, score });
  }
  out.sort((a, b) => b.score - a.score || a.personId - b.personId);
  return out.slice(0, count);
}

function queryInt(query, name) {
  const text = query.get(name);
  if (text === null || text === "") return { value: undefined };
  if (!/^-?[0-9]{1,9}$/.test(text)) return { error: `${name} must be an integer` };
  return { value: Number(text) };
}

function similarPersons(ctx) {
  const found = personOf(ctx);
  if (found.error) return found.error;
  const count = queryInt(ctx.query, "personCount");
  if (count.error) return invalidRequest(count.error);
  const threshold = queryInt(ctx.query, "scoreThreshold");
  if (threshold.error) return invalidRequest(threshold.error);
  const options = checkSimilarOptions(count.value, threshold.value);
  if (options.error) return invalidRequest(options.error);
  const { person } = found;
  const faces = facesOf(ctx.ws, person);
  if (faces.length === 0) return conflict(`Person ${person.personId} has no thumbnail and no detected face to compare`);
  return success({ personId: person.personId, similarPersons: similarTo(ctx.ws, faces, person, options) });
}

function recommendByThumbnail(ctx) {
  const input = ctx.json();
  if (input.error) return input.error;
  const { thumbnailKey, personCount, scoreThreshold } = input.value;
  if (!given(thumbnailKey)) return invalidRequest("thumbnailKey is required");
  if (typeof thumbnailKey !== "string" || thumbnailKey === "") return invalidRequest("thumbnailKey must be a non-empty string");
  const options = checkSimilarOptions(personCount, scoreThreshold);
  if (options.error) return invalidRequest(options.error);
  const usable = usableUpload(ctx, "thumbnail", thumbnailKey, "thumbnailKey");
  if (usable.error) return invalidRequest(usable.error);
  return success({ thumbnailKey, similarPersons: similarTo(ctx.ws, [usable.record.sha256], null, options) });
}

// ---------------------------------------------------------------------------------------------- tags

function parseTagIds(ctx) {
  const input = ctx.json();
  if (input.error) return input;
  const { tagIds } = input.value;
  if (!given(tagIds)) return { error: invalidRequest("tagIds is required") };
  const error = checkIdList("tagIds", tagIds, { min: 1 });
  if (error) return { error: invalidRequest(error) };
  return { tagIds: [...new Set(tagIds)] };
}

function addTags(ctx) {
  const found = personOf(ctx);
  if (found.error) return found.error;
  const parsed = parseTagIds(ctx);
  if (parsed.error) return parsed.error;
  const { person } = found;
  const missing = parsed.tagIds.find((id) => !ctx.ws.personTags.has(id));
  if (missing !== undefined) return notFound(`Person tag ${missing} not found`);
  for (const id of parsed.tagIds) if (!person.tagIds.includes(id)) person.tagIds.push(id);
  return success({ personId: person.personId, tagList: tagListOf(ctx.ws, person) });
}

function removeTags(ctx) {
  const found = personOf(ctx);
  if (found.error) return found.error;
  const parsed = parseTagIds(ctx);
  if (parsed.error) return parsed.error;
  const { person } = found;
  person.tagIds = person.tagIds.filter((id) => !parsed.tagIds.includes(id));
  return success({ personId: person.personId, tagList: tagListOf(ctx.ws, person) });
}

function listTags(ctx) {
  const { query, ws } = ctx;
  const num = query.get("pageNum");
  if (num === null || num === "") return invalidRequest("pageNum is required");
  if (!/^[0-9]{1,9}$/.test(num) || Number(num) < 1) return invalidRequest("pageNum must be an integer >= 1");
  const size = query.get("pageSize");
  let pageSize = 10;
  if (size !== null && size !== "") {
    if (!/^[0-9]{1,9}$/.test(size) || Number(size) < 1 || Number(size) > 50) return invalidRequest("pageSize must be an integer from 1 to 50");
    pageSize = Number(size);
  }
  let tags = [...ws.personTags.values()];
  const idText = query.get("id");
  if (idText !== null && idText !== "") {
    const id = parseId(idText);
    if (id === null) return invalidRequest("id must be a positive integer");
    tags = tags.filter((t) => t.id === id);
  }
  const name = query.get("name");
  if (name !== null) {
    const error = checkText("name", name, 1, 30);
    if (error) return invalidRequest(error);
    tags = tags.filter((t) => t.name.toLowerCase().includes(name.toLowerCase()));
  }
  tags.sort((a, b) => a.id - b.id);
  const result = page(tags, Number(num), pageSize);
  return success({ ...result, content: result.content.map(tagJson) });
}

function createTag(ctx) {
  const { state, ws } = ctx;
  const input = ctx.json();
  if (input.error) return input.error;
  const { name } = input.value;
  if (!given(name)) return invalidRequest("name is required");
  const error = checkText("name", name, 1, 30);
  if (error) return invalidRequest(error);
  for (const t of ws.personTags.values()) if (t.name === name) return conflict(`Person tag '${name}' already exists`);
  const tag = { id: state.nextId(), name, createdTime: kstNow(state), createdUserName: caller(ctx) };
  ws.personTags.set(tag.id, tag);
  return success(tagJson(tag));
}

function deleteTag(ctx) {
  const { ws, params } = ctx;
  const id = parseId(params.tagId);
  if (id === null) return invalidRequest("tag_id must be a positive integer");
  const tag = ws.personTags.get(id);
  if (!tag) return notFound(`Person tag ${params.tagId} not found`);
  const users = [...ws.persons.values()].filter((p) => p.tagIds.includes(id)).map((p) => p.personId);
  if (users.length > 0) return conflict(`Person tag ${id} is used by person ${users.join(", ")}`);
  ws.personTags.delete(id);
  return success();
}

// ----------------------------------------------------------------------------------------- thumbnails

function thumbnailListReply(ctx, person) {
  return success({ personId: person.personId, thumbnailList: person.thumbnails.map((t) => thumbnailJson(ctx, t)) });
}

function addThumbnails(ctx) {
  const found = personOf(ctx);
  if (found.error) return found.error;
  const { person } = found;
  const input = ctx.json();
  if (input.error) return input.error;
  const parsed = parseThumbnails(ctx, input.value.thumbnails, { exactlyOnePrimary: false });
  if (parsed.error) return parsed.error;
  if (person.thumbnails.length + parsed.items.length > MAX_THUMBNAILS) {
    return invalidRequest(`a person has at most ${MAX_THUMBNAILS} thumbnails (it has ${person.thumbnails.length})`);
  }
  if (parsed.items.some((t) => t.isPrimaryThumbnail)) for (const t of person.thumbnails) t.isPrimaryThumbnail = false;
  for (const item of parsed.items) person.thumbnails.push(newThumbnail(ctx.state, item));
  if (!person.thumbnails.some((t) => t.isPrimaryThumbnail)) person.thumbnails[0].isPrimaryThumbnail = true;
  return thumbnailListReply(ctx, person);
}

function removeThumbnails(ctx) {
  const found = personOf(ctx);
  if (found.error) return found.error;
  const { person } = found;
  const input = ctx.json();
  if (input.error) return input.error;
  const { thumbnailIds } = input.value;
  if (!given(thumbnailIds)) return invalidRequest("thumbnailIds is required");
  const error = checkIdList("thumbnailIds", thumbnailIds, { min: 1 });
  if (error) return invalidRequest(error);
  const left = person.thumbnails.filter((t) => !thumbnailIds.includes(t.id));
  if (left.length === 0) return conflict(`Removing every thumbnail of person ${person.personId} is not allowed`);
  person.thumbnails = left;
  if (!left.some((t) => t.isPrimaryThumbnail)) left[0].isPrimaryThumbnail = true;
  return thumbnailListReply(ctx, person);
}

// ---------------------------------------------------------------------------------- thumbnail uploads

function thumbnailUploadUrl(ctx) {
  const input = ctx.json();
  if (input.error) return input.error;
  const { thumbnailFileName } = input.value;
  if (!given(thumbnailFileName)) return invalidRequest("thumbnailFileName is required");
  const error = checkFileName("thumbnailFileName", thumbnailFileName, "thumbnail");
  if (error) return invalidRequest(error);
  const key = `${ctx.ws.workspaceName}/${randomText(10)}/${thumbnailFileName}`;
  const { url, expirationSeconds } = issueUpload(ctx, "thumbnail", key, thumbnailFileName);
  return success({ thumbnailKey: key, url, expirationSeconds });
}

function thumbnailUploadComplete(ctx) {
  const input = ctx.json();
  if (input.error) return input.error;
  const { thumbnailKey } = input.value;
  if (!given(thumbnailKey)) return invalidRequest("thumbnailKey is required");
  const error = checkText("thumbnailKey", thumbnailKey, 1, 1024);
  if (error) return invalidRequest(error);
  const outcome = completeUpload(ctx, "thumbnail", thumbnailKey);
  if (outcome.uploadStatus === "COMPLETED") return success({ uploadStatus: "COMPLETED" });
  return success({ uploadStatus: "FAILED", uploadMessage: outcome.uploadMessage });
}

/** GET /__emulator/thumbnails?key=K: what the thumbnail url points at (JSON, see the header). */
function thumbnailInfo({ state, query }) {
  const key = query.get("key") ?? "";
  const record = state.uploads.byKey.get(key);
  if (!record || record.kind !== "thumbnail" || !record.bytes) return new Reply(404, { code: "404", message: `No thumbnail '${key}'` });
  const image = sniffImage(record.bytes);
  return new Reply(200, { thumbnailKey: key, format: image?.format ?? null, width: image?.width ?? null, height: image?.height ?? null, size: record.size });
}

// --------------------------------------------------------------------------------------------- tables

const WS = "^/api/v1/workspaces/(?<ws>[^/]+)";
const PERSONS = `${WS}/persons`;
const PERSON = `${PERSONS}/(?<personId>[^/]+)`;
const re = (source) => new RegExp(`${source}$`);
const K = "/api/v1/workspaces/*";

export const routes = [
  // Fixed segments first: /persons/search and /persons/recommend-by-thumbnail before /persons/{person}.
  { method: "POST", pattern: re(`${PERSONS}/search`), key: `POST ${K}/persons/search`, handler: searchPersons },
  { method: "POST", pattern: re(`${PERSONS}/recommend-by-thumbnail`), key: `POST ${K}/persons/recommend-by-thumbnail`, handler: recommendByThumbnail },
  { method: "GET", pattern: re(PERSONS), key: `GET ${K}/persons`, handler: listPersons },
  { method: "POST", pattern: re(PERSONS), key: `POST ${K}/persons`, handler: createPerson },
  { method: "GET", pattern: re(PERSON), key: `GET ${K}/persons/*`, handler: getPerson },
  { method: "PATCH", pattern: re(PERSON), key: `PATCH ${K}/persons/*`, handler: updatePerson },
  { method: "DELETE", pattern: re(PERSON), key: `DELETE ${K}/persons/*`, handler: deletePerson },
  { method: "POST", pattern: re(`${PERSON}/merge`), key: `POST ${K}/persons/*/merge`, handler: mergePersons },
  { method: "GET", pattern: re(`${PERSON}/similar`), key: `GET ${K}/persons/*/similar`, handler: similarPersons },
  { method: "POST", pattern: re(`${PERSON}/person-tags`), key: `POST ${K}/persons/*/person-tags`, handler: addTags },
  { method: "DELETE", pattern: re(`${PERSON}/person-tags`), key: `DELETE ${K}/persons/*/person-tags`, handler: removeTags },
  { method: "POST", pattern: re(`${PERSON}/person-tags/remove`), key: `POST ${K}/persons/*/person-tags/remove`, handler: removeTags },
  { method: "POST", pattern: re(`${PERSON}/person-thumbnail`), key: `POST ${K}/persons/*/person-thumbnail`, handler: addThumbnails },
  { method: "DELETE", pattern: re(`${PERSON}/person-thumbnail`), key: `DELETE ${K}/persons/*/person-thumbnail`, handler: removeThumbnails },
  { method: "POST", pattern: re(`${PERSON}/person-thumbnail/remove`), key: `POST ${K}/persons/*/person-thumbnail/remove`, handler: removeThumbnails },
  { method: "GET", pattern: re(`${WS}/person-tags`), key: `GET ${K}/person-tags`, handler: listTags },
  { method: "POST", pattern: re(`${WS}/person-tags`), key: `POST ${K}/person-tags`, handler: createTag },
  { method: "DELETE", pattern: re(`${WS}/person-tags/(?<tagId>[^/]+)`), key: `DELETE ${K}/person-tags/*`, handler: deleteTag },
  { method: "POST", pattern: re(`${WS}/person-thumbnail/uploads/presigned-url`), key: `POST ${K}/person-thumbnail/uploads/presigned-url`, handler: thumbnailUploadUrl },
  { method: "POST", pattern: re(`${WS}/person-thumbnail/uploads/complete`), key: `POST ${K}/person-thumbnail/uploads/complete`, handler: thumbnailUploadComplete },
];

export const adminRoutes = [{ method: "GET", path: "/__emulator/thumbnails", handler: thumbnailInfo }];
