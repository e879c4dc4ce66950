// The emulator's index generator: a realistic, reproducible analysis result for one media asset, and the
// text of scene summaries. Everything is drawn from a PRNG seeded by the object's key, duration and
// resolution (and, per facet, a label), so the same object gives the same index; the analysis options
// change what they document (scene lengths, person count, speech language, audio effects).
//
// generateIndex returns the RAW index: persons are local numbers 0..k-1 (with the `cast` face key of
// each), keywords keep one confidence per appearance. media.mjs maps the local persons to person ids and
// filters by confidence level when it answers (see indexView there).

import { createHash } from "node:crypto";

// ----------------------------------------------------------------------------------------------- PRNG

function seedOf(text) {
  return createHash("sha256").update(text, "utf8").digest().readUInt32LE(0);
}

/** mulberry32: a small, fast, good-enough PRNG; returns () => float in [0, 1). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = (rng, list) => list[Math.floor(rng() * list.length)];
const confidence = (rng) => Math.round((0.3 + 0.69 * rng()) * 100) / 100;

/** `count` distinct items of `list`. */
function sample(rng, list, count) {
  const copy = [...list];
  const out = [];
  while (out.length < count && copy.length > 0) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0]);
  return out;
}

// ------------------------------------------------------------------------------------------ vocabulary

export const KEYWORDS = [
  "outdoor", "indoor", "city", "street", "night", "daylight", "sunset", "beach", "ocean", "mountain", "forest",
  "park", "office", "kitchen", "restaurant", "cafe", "classroom", "stage", "concert", "crowd", "car", "bus",
  "train", "airport", "bicycle", "dog", "cat", "bird", "food", "coffee", "laptop", "smartphone", "book",
  "television", "interview", "news", "sports", "soccer", "baseball", "basketball", "cooking", "meeting",
  "presentation", "conversation", "rain", "snow", "winter", "summer", "flowers", "tree", "river", "bridge",
  "building", "skyscraper", "apartment", "hospital", "school", "market", "shopping", "fashion", "wedding",
  "party", "festival", "fireworks", "music", "guitar", "piano", "microphone", "camera", "documentary",
  "drama", "comedy", "romance", "chase", "police", "doctor", "teacher", "student", "child", "family",
  "couple", "friends", "portrait", "close-up", "aerial view", "landscape", "traffic", "highway", "harbor",
  "ship", "airplane", "sky", "clouds", "moon", "fire", "desk", "sofa", "window", "stairs", "subway",
  "neon sign", "museum", "library", "gym", "swimming pool", "tennis", "hiking", "camping",
];
export const OBJECTS = [
  "person", "car", "chair", "table", "cup", "bottle", "laptop", "phone", "bag", "book", "dog", "cat", "tv",
  "clock", "lamp", "umbrella", "bicycle", "glasses", "hat", "microphone",
];
export const ACTIONS = [
  "walking", "talking", "running", "sitting", "standing", "eating", "drinking", "laughing", "dancing",
  "singing", "driving", "reading", "writing", "typing", "hugging", "shaking hands", "cooking",
  "playing guitar", "waving", "applauding",
];

const LINES = {
  KO: [
    "오늘 회의는 여기까지 하겠습니다.", "그 얘기는 처음 듣는데요.", "잠깐만요, 다시 한 번 말씀해 주세요.",
    "이번 프로젝트는 다음 주까지 마무리해야 해요.", "날씨가 정말 좋네요.", "저도 같은 생각이에요.",
    "지금 바로 출발하면 늦지 않을 거예요.", "이 장면은 다시 촬영하는 게 좋겠습니다.", "고맙습니다, 정말 큰 도움이 됐어요.",
    "어디서부터 이야기를 시작할까요?", "결과는 내일 아침에 발표됩니다.", "모두 준비되셨나요?",
    "그때는 정말 몰랐어요.", "사진 한 장 찍어 드릴까요?", "커피 한잔 하실래요?", "이쪽으로 오세요.",
  ],
  EN: [
    "Let's wrap up today's meeting here.", "I've never heard that story before.", "Wait, could you say that again?",
    "We need to finish this project by next week.", "The weather is really nice today.", "I was thinking the same thing.",
    "If we leave right now we won't be late.", "We should shoot this scene again.", "Thank you, that really helped.",
    "Where should we start the story?", "The results will be announced tomorrow morning.", "Is everyone ready?",
    "I really didn't know back then.", "Would you like me to take a picture?", "Would you like a cup of coffee?",
    "Come this way, please.",
  ],
  JA: [
    "今日の会議はここまでにしましょう。", "その話は初めて聞きました。", "すみません、もう一度言ってください。",
    "このプロジェクトは来週までに終わらせないと。", "今日は本当にいい天気ですね。", "私も同じことを考えていました。",
    "今出発すれば間に合いますよ。", "このシーンは撮り直したほうがいいですね。", "ありがとうございます、本当に助かりました。",
    "どこから話を始めましょうか。", "結果は明日の朝に発表されます。", "皆さん、準備はいいですか。",
  ],
  "ZH-CN": [
    "今天的会议就到这里。", "这件事我还是第一次听说。", "等一下，请再说一遍。", "这个项目下周之前必须完成。",
    "今天天气真好。", "我也是这么想的。", "现在出发就不会迟到。", "这个镜头最好重拍一次。", "谢谢，真的帮了大忙。",
    "我们从哪里开始讲呢？", "结果明天早上公布。", "大家都准备好了吗？",
  ],
  "ZH-TW": [
    "今天的會議就到這裡。", "這件事我還是第一次聽說。", "等一下，請再說一遍。", "這個專案下週之前必須完成。",
    "今天天氣真好。", "我也是這麼想的。", "現在出發就不會遲到。", "這個鏡頭最好重拍一次。", "謝謝，真的幫了大忙。",
    "我們從哪裡開始講呢？", "結果明天早上公布。", "大家都準備好了嗎？",
  ],
};

const AUDIO_EFFECTS = [["APPLAUSE", "[applause]"], ["LAUGHTER", "[laughter]"], ["BACKGROUND_MUSIC", "[background music]"]];

/** Scene length ranges (seconds) of sceneRange: EXTRA_SHORT as documented (10-20 s); the others GUESS. */
export const SCENE_RANGES = { EXTRA_SHORT: [10, 20], SHORT: [20, 45], MEDIUM: [45, 120], LONG: [120, 300] };

/** How many faces the generated casts are drawn from: two assets of one workspace often share persons. */
const FACE_POOL = 60;

// ------------------------------------------------------------------------------------------- generator

/** Merges touching or overlapping ranges of a list sorted by startMs. */
function mergeRanges(ranges) {
  const out = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r.startMs <= last.endMs) last.endMs = Math.max(last.endMs, r.endMs);
    else out.push({ startMs: r.startMs, endMs: r.endMs });
  }
  return out;
}

function makeShots(rng, durationMs) {
  const shots = [];
  let t = 0;
  while (t < durationMs) {
    let len = Math.min(12_000, 800 + Math.round(-Math.log(1 - rng()) * 2400));
    if (durationMs - (t + len) < 800) len = durationMs - t;
    shots.push({ shotNo: shots.length + 1, startMs: t, endMs: t + len });
    t += len;
  }
  return shots;
}

function makeScenes(rng, shots, [lo, hi]) {
  const scenes = [];
  let i = 0;
  while (i < shots.length) {
    const target = (lo + rng() * (hi - lo)) * 1000;
    const start = shots[i].startMs;
    const group = [shots[i++]];
    while (i < shots.length) {
      const length = group[group.length - 1].endMs - start;
      if (length >= target) break;
      if (shots[i].endMs - start > hi * 1000 && length >= lo * 1000) break;
      group.push(shots[i++]);
    }
    scenes.push({ sceneNo: scenes.length + 1, startMs: start, endMs: group[group.length - 1].endMs, shots: group });
  }
  return scenes;
}

/** A sub-range of a scene: a run of 1..4 of its shots. */
function shotRun(rng, scene) {
  const from = Math.floor(rng() * scene.shots.length);
  const to = Math.min(scene.shots.length - 1, from + Math.floor(rng() * 4));
  return { startMs: scene.shots[from].startMs, endMs: scene.shots[to].endMs };
}

/** Facet items [{[field]: name, confidence, appearances}] from per-scene picks, in order of first appearance. */
function facet(rng, scenes, vocabulary, field, min, max) {
  const byName = new Map();
  for (const scene of scenes) {
    for (const name of sample(rng, vocabulary, between(rng, min, max))) {
      if (!byName.has(name)) byName.set(name, { [field]: name, confidence: 0, appearances: [] });
      const item = byName.get(name);
      item.confidence = Math.max(item.confidence, confidence(rng));
      item.appearances.push(shotRun(rng, scene));
    }
  }
  for (const item of byName.values()) item.appearances = mergeRanges(item.appearances);
  return [...byName.values()];
}

function lineText(rng, language) {
  const lang = language === "ENKO" ? (rng() < 0.7 ? "KO" : "EN") : language;
  const lines = LINES[lang];
  return rng() < 0.25 ? `${pick(rng, lines)} ${pick(rng, lines)}` : pick(rng, lines);
}

/**
 * The raw index of a video or image.
 * object: {key, type: "VIDEO"|"IMAGE", durationMs, resolution}; options: the checked analysis request
 * ({sceneRange?, minSceneDurationSec?, maxSceneDurationSec?, analysisPersonCount?, sourceLanguage?,
 * detectAudioEffects?}).
 */
export function generateIndex(object, options = {}) {
  const base = `${object.key}|${object.durationMs ?? 0}|${object.resolution ?? ""}`;
  const rngFor = (label) => prng(seedOf(`${base}|${label}`));
  if (object.type === "IMAGE") {
    const rng = rngFor("image");
    const keywords = sample(rng, KEYWORDS, between(rng, 5, 12)).map((keyword) => ({ keyword, confidence: confidence(rng) }));
    return { type: "IMAGE", cast: [], keywords };
  }
  const durationMs = object.durationMs;
  const shots = makeShots(rngFor("shots"), durationMs);
  const range = options.minSceneDurationSec !== undefined
    ? [options.minSceneDurationSec, options.maxSceneDurationSec]
    : SCENE_RANGES[options.sceneRange ?? "MEDIUM"];
  const scenes = makeScenes(rngFor(`scenes|${range}`), shots, range);

  // persons: a cast of 2..10 faces from the pool, the first ones the most present
  const castRng = rngFor("cast");
  const castSize = Math.min(between(castRng, 2, 10), options.analysisPersonCount ?? 10);
  const faces = sample(castRng, [...Array(FACE_POOL).keys()], castSize);
  const cast = faces.map((f) => `face-${f}`);
  const weights = faces.map((_, j) => 0.85 * 0.8 ** j);
  const presence = rngFor("presence");
  const appearances = cast.map(() => []);
  for (const scene of scenes) {
    scene.persons = [];
    cast.forEach((_, j) => {
      if (presence() >= weights[j]) return;
      scene.persons.push(j);
      const inShots = scene.shots.filter(() => presence() < 0.6);
      for (const shot of inShots.length > 0 ? inShots : [scene.shots[0]]) appearances[j].push({ startMs: shot.startMs, endMs: shot.endMs });
    });
  }
  // a cast member seen in no scene is not detected at all: renumber the others 0..k-1
  const seen = cast.map((_, j) => j).filter((j) => appearances[j].length > 0);
  const renumber = new Map(seen.map((j, k) => [j, k]));
  for (const scene of scenes) scene.persons = scene.persons.map((j) => renumber.get(j));
  const detected = seen.map((j) => cast[j]);
  const persons = seen.map((j, k) => ({ local: k, appearances: mergeRanges(appearances[j]) }));

  // keywords: 3..7 per scene, one confidence per appearance
  const kwRng = rngFor("keywords");
  const keywordMap = new Map();
  for (const scene of scenes) {
    scene.keywords = [];
    for (const keyword of sample(kwRng, KEYWORDS, between(kwRng, 3, 7))) {
      const c = confidence(kwRng);
      scene.keywords.push({ keyword, confidence: c });
      if (!keywordMap.has(keyword)) keywordMap.set(keyword, []);
      keywordMap.get(keyword).push({ ...shotRun(kwRng, scene), confidence: c });
    }
  }
  const keywords = [...keywordMap].map(([keyword, apps]) => ({ keyword, appearances: apps }));

  const objects = facet(rngFor("objects"), scenes, OBJECTS, "object", 1, 4);
  const actions = facet(rngFor("actions"), scenes, ACTIONS, "action", 1, 3);

  // speech: lines in most scenes, spoken by a person of the scene or an unseen speaker (local -1)
  const speech = rngFor(`speech|${options.sourceLanguage ?? "ENKO"}`);
  const scripts = [];
  for (const scene of scenes) {
    if (speech() < 0.2) continue;
    let t = scene.startMs + Math.floor(speech() * 2000);
    while (t + 1500 <= scene.endMs) {
      const end = Math.min(scene.endMs, t + between(speech, 1500, 6000));
      const local = scene.persons.length > 0 && speech() < 0.85 ? pick(speech, scene.persons) : -1;
      scripts.push({ local, startMs: t, endMs: end, text: lineText(speech, options.sourceLanguage ?? "ENKO") });
      t = end + between(speech, 200, 2500);
    }
  }
  const captions = scripts.map((s) => ({ startMs: s.startMs, endMs: s.endMs, text: s.text }));
  let audioEffects;
  if (options.detectAudioEffects === true) {
    const fx = rngFor("audio");
    audioEffects = [];
    for (const scene of scenes) {
      if (fx() < 0.6) continue;
      const [effect, text] = pick(fx, AUDIO_EFFECTS);
      const at = shotRun(fx, scene);
      audioEffects.push({ effect, ...at });
      captions.push({ ...at, text });
    }
    captions.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  }
  return {
    type: "VIDEO",
    durationMs,
    cast: detected,
    scenes: scenes.map((s) => ({
      sceneNo: s.sceneNo,
      startMs: s.startMs,
      endMs: s.endMs,
      shots: s.shots,
      persons: s.persons,
      keywords: s.keywords,
    })),
    persons,
    keywords,
    objects,
    actions,
    scripts,
    captions,
    ...(audioEffects ? { audioEffects } : {}),
  };
}

// ------------------------------------------------------------------------------------- scene summaries

export const LOCALES = ["ko", "en", "ja", "zh-CN", "zh-TW"];

const SUMMARY_TEXT = {
  ko: {
    scene: (n, who, action, k1, k2) => `장면 ${n}: ${who} ${k1} 배경에서 ${action} 장면으로, ${k2}이(가) 함께 보입니다.`,
    nobody: "인물 없이",
    person: (label) => `${label}이(가)`,
    whole: (min, n, k, topics) => `${min}분 길이의 영상으로 ${n}개 장면에 ${k}명의 인물이 등장합니다. 주요 내용: ${topics}.`,
    label: (p) => p.name ?? `인물 ${p.personId}`,
    join: ", ",
  },
  en: {
    scene: (n, who, action, k1, k2) => `Scene ${n}: ${who} ${action} in a ${k1} setting, with ${k2} in view.`,
    nobody: "No one is seen;",
    person: (label) => label,
    whole: (min, n, k, topics) => `A ${min}-minute video in ${n} scenes featuring ${k} persons. Main topics: ${topics}.`,
    label: (p) => p.name ?? `Person ${p.personId}`,
    join: ", ",
  },
  ja: {
    scene: (n, who, action, k1, k2) => `シーン${n}：${who}${k1}の中で${action}の様子。${k2}も映っている。`,
    nobody: "人物なしで",
    person: (label) => `${label}が`,
    whole: (min, n, k, topics) => `${min}分の映像で、${n}シーンに${k}人の人物が登場する。主な内容：${topics}。`,
    label: (p) => p.name ?? `人物${p.personId}`,
    join: "、",
  },
  "zh-CN": {
    scene: (n, who, action, k1, k2) => `场景${n}：${who}在${k1}的环境中${action}，画面中还有${k2}。`,
    nobody: "无人物，",
    person: (label) => label,
    whole: (min, n, k, topics) => `这是一段${min}分钟的视频，共${n}个场景，出现${k}个人物。主要内容：${topics}。`,
    label: (p) => p.name ?? `人物${p.personId}`,
    join: "、",
  },
  "zh-TW": {
    scene: (n, who, action, k1, k2) => `場景${n}：${who}在${k1}的環境中${action}，畫面中還有${k2}。`,
    nobody: "無人物，",
    person: (label) => label,
    whole: (min, n, k, topics) => `這是一段${min}分鐘的影片，共${n}個場景，出現${k}個人物。主要內容：${topics}。`,
    label: (p) => p.name ?? `人物${p.personId}`,
    join: "、",
  },
};

/**
 * The summary of one scene of an index view (persons with {personId, name}) in `locale`; `revision` (the
 * run that wrote it) varies the wording so a partial re-run visibly changes the scenes it covers.
 */
export function sceneSummaryText(view, scene, locale, revision) {
  const t = SUMMARY_TEXT[locale];
  const rng = prng(seedOf(`${view.assetKey}|summary|${scene.sceneNo}|${revision}`));
  const names = new Map(view.persons.map((p) => [p.personId, t.label(p)]));
  const who = scene.personIds.length === 0 ? t.nobody : t.person(scene.personIds.map((id) => names.get(id)).join(t.join));
  const kws = scene.keywords.length > 0 ? scene.keywords : ["scenery"];
  return t.scene(scene.sceneNo, who, pick(rng, ACTIONS), pick(rng, kws), pick(rng, kws));
}

/** The summary of the whole asset in `locale`. */
export function wholeSummaryText(view, locale) {
  const t = SUMMARY_TEXT[locale];
  const topics = [...view.keywords].sort((a, b) => b.appearances.length - a.appearances.length).slice(0, 3).map((k) => k.keyword);
  return t.whole(Math.max(1, Math.round(view.durationMs / 60000)), view.scenes.length, view.persons.length, topics.join(t.join));
}
