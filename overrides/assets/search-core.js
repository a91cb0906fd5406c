/* Derechos search: folding, stemming, stop words, typo tolerance and ranking, in one place.
   The search page runs it in the browser; `make search` and `make bench` run this same file
   under node (scripts/reports/searchrun.js), so a maintainer sees exactly what a worker would see.
   The index (search/index.json, one per language) is plain text from scripts/website/searchindex.py;
   every word is folded and stemmed here, on both the index and the query, so they always agree.
   Kept dependency-free and small: it is fetched only when a person searches. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.DerechosSearch = factory();
})(this, function () {
  "use strict";

  // Boosts per field. Worker phrases outrank titles, which outrank headings and text.
  var PHRASE = 8, TITLE = 4, HEADING = 3, TEXT = 1;
  var WHOLE_PHRASE = 3;   // extra when every content word of a listed phrase is in the query
  var TYPO = 0.7;         // a word matched with one typo counts a bit less
  var MAX_WORDS = 32;     // a pasted paragraph is cut, not refused
  var RELEVANT = 0.15;    // results scoring under this share of the first one are not shown
  var K = 1.2, B = 0.75;  // BM25 saturation and length normalisation for the text field
  // A word on every page's text ("help", "ayuda") weighs almost nothing there, yet in the worker
  // phrases and title of the one page about it, it says which page: half of a word's phrase and
  // title score is weighed by how few pages list it there (idfNamed), half by how few hold it at
  // all (idf). "who do I call for help with my job" found the recruitment page before the help
  // page; make bench's top-1 as typed 96.3 -> 97.8 % (es) and 95.5 -> 97.0 % (en), no variant lower.
  var NAMED = 0.5;

  // Words that carry no topic. They are dropped from index and query alike, so they can never
  // make a query fail. Written folded (no accents).
  var STOP = {
    es: "a al algo alguien alla antes aqui asi aun ayer bien bueno buenas buenos cada como con cual cuando da dan dar de del desde despues dice disculpe dicen dijo dio " +
      "dia dias donde dos e el ella ellas ellos en entonces era eran es esa ese eso esta estaba estan estar este esto " +
      "estoy estuve favor fue fui gracias ha hace hacer hago han hay he hola hoy la las le les lo los mas me mi mis mucho " +
      "muy nada ni no noches nos nosotros o oiga otra otro para pasa paso pero poco por porfa porque puede pueden puedo pues que querer quien quiere quieren " +
      "quiero sabe saber saludos se senor senora ser si sin sobre solo son su sus tambien tan tardes te tener tengo tiene tienen " +
      "todo todos tu tus u un una uno unos unas usted ustedes va vamos y ya yo",
    en: "a about after again all am an and any are as at be been before being but by can cant could did didnt do " +
      "does doesnt dont for from get gets getting got had has have he hello her here hi him his how i if im in into is it its " +
      "ive just know me my need no not now of on or our out please she should so some still than thank thanks that the their them " +
      "then there they this to too us very was we were what when where which who why will with wont would you your"
  };
  // Stems that say the same thing in workers' words, each with the others.
  var SAME = { es: { despid: ["desped", "corr"], desped: ["despid", "corr"], corr: ["despid", "desped"] } };
  var stopSets = {};
  function stopSet(lang) {
    if (!stopSets[lang]) {
      stopSets[lang] = {};
      (STOP[lang] || "").split(" ").forEach(function (w) { stopSets[lang][w] = true; });
    }
    return stopSets[lang];
  }

  // Lower case without accents: "Discriminación" and "discriminacion" are one word.
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // A visa's or a form's code is one word however it is typed: "H-2A", "h2a", "h 2 a", "H2-A",
  // "I-9", "w 2" (a letter that is not a word of its own, its number, maybe a letter).
  var CODE = /\b([b-df-np-tv-xz])[ -]?(\d{1,3})(?:[ -]?([a-z])\b|\b)/g;

  function words(text) {
    return fold(text).replace(/['\u2019]/g, "").replace(CODE, "$1$2$3").split(/[^a-z0-9]+/).filter(Boolean);
  }

  // Light stemmers: strip the endings that change between "me despidieron", "despido" and
  // "despedir" so the forms meet. Applied to index and query by the same function.
  var ES_ENDINGS = ["amientos", "imientos", "amiento", "imiento", "aciones", "iciones", "uciones", "ieramos",
    "ieron", "iendo", "adoras", "adores", "ancias", "encias", "idades", "acion", "icion", "ucion", "adora", "ador",
    "ancia", "encia", "mente", "itudes", "itud", "idad", "aron", "ando", "aban", "iste", "aste", "amos", "emos", "imos", "ados", "adas",
    "idos", "idas", "ado", "ada", "ido", "ida", "aba", "ios", "ian", "io", "ia", "ar", "er", "ir", "an", "en", "es", "as", "os",
    "a", "e", "o", "i", "s"];
  var PLURAL = { es: 2, as: 1, os: 1, s: 1 };  // plural endings: the letters that make the singular plural
  var ES_CLITIC = /(ar|er|ir|ando|iendo)(me|te|se|lo|la|le|los|las|les|nos)$/;
  function stemEs(w) {
    if (w.length < 4 || /\d/.test(w)) return w;
    var c = ES_CLITIC.exec(w);
    if (c) w = w.slice(0, w.length - c[2].length);
    for (var i = 0; i < ES_ENDINGS.length; i++) {
      var e = ES_ENDINGS[i];
      if (w.length - e.length >= 3 && w.slice(-e.length) === e) {
        // A plural is cut as its singular is: "mujeres" as "mujer" ("muj"), "gobiernos" as "gobierno"
        return PLURAL[e] ? stemEs(w.slice(0, -PLURAL[e])) : w.slice(0, -e.length);
      }
    }
    return w;
  }

  var EN_IRREGULAR = { paid: "pay", fell: "fall", fallen: "fall", broke: "break", broken: "break", took: "take",
    taken: "take", gave: "give", left: "leave", told: "tell", said: "say", kept: "keep", men: "man", women: "woman",
    children: "child", feet: "foot", teeth: "tooth", sick: "sick", ill: "sick", illness: "sick", illnesses: "sick",
    hit: "hit", cut: "cut", hurt: "hurt",
    threw: "throw", thrown: "throw", made: "make", ran: "run", came: "come", went: "go", gone: "go", sent: "send",
    lost: "lose", bought: "buy", caught: "catch", felt: "feel", found: "find", stole: "steal", stolen: "steal" };
  var EN_ENDINGS = ["ations", "ation", "ments", "ment", "ness", "ities", "ity", "ings", "ing", "ated", "ates", "ate",
    "ies", "ied", "ers", "er", "ed", "ly", "es", "s", "y", "e"];
  function stemEn(w) {
    if (EN_IRREGULAR[w]) return EN_IRREGULAR[w];
    if (w.length < 4 || /\d/.test(w) || /(ss|us|is)$/.test(w)) return w;
    for (var i = 0; i < EN_ENDINGS.length; i++) {
      var e = EN_ENDINGS[i];
      if (w.length - e.length >= 3 && w.slice(-e.length) === e) {
        w = w.slice(0, -e.length);
        break;
      }
    }
    if (/([bdfgmnprt])\1$/.test(w)) w = w.slice(0, -1);  // stopped -> stop
    if (w.length > 3 && /e$/.test(w)) w = w.slice(0, -1);
    return w;
  }

  // Spanish written by ear: letters that sound alike are made one ("korieron" is "corrieron",
  // "kitaron oras" is "quitaron horas", "bacasiones" is "vacaciones"), then the word is stemmed,
  // so a word spelled as it sounds meets the page's word even with several such slips. Capitals
  // stand for a sound no letter writes alone (ch, the hard g of "gue").
  var SOUNDS = [[/ch/g, "C"], [/h/g, ""], [/qu(?=[ei])/g, "k"], [/c(?=[ei])/g, "s"], [/c/g, "k"], [/z/g, "s"],
    [/gu(?=[ei])/g, "G"], [/g(?=[ei])/g, "j"], [/g/g, "G"], [/v/g, "b"], [/ll/g, "y"], [/y(?![aeiou])/g, "i"],
    [/m(?=[bp])/g, "n"], [/ks/g, "s"], [/(.)\1+/g, "$1"]];
  function soundEs(w) {
    for (var i = 0; i < SOUNDS.length; i++) w = w.replace(SOUNDS[i][0], SOUNDS[i][1]);
    return w;
  }

  function same(w) { return w; }
  // Languages without a stemmer here (a further language) still get folding and typos.
  function stemmer(lang) { return lang === "es" ? stemEs : lang === "en" ? stemEn : same; }

  // Content words of a text, stemmed, in order.
  function terms(text, lang) {
    var stop = stopSet(lang), stem = stemmer(lang), out = [];
    words(text).forEach(function (w) { if (!stop[w]) out.push(stem(w)); });
    return out;
  }

  function counts(list) {
    var c = {};
    list.forEach(function (t) { c[t] = (c[t] || 0) + 1; });
    return c;
  }

  // One typo: one letter added, missing, changed, or two neighbours swapped.
  function oneEdit(a, b) {
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1 || a === b) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // Every word one typo away from w, as oneEdit counts them.
  var LETTERS = "abcdefghijklmnopqrstuvwxyz";
  function oneEditAway(w) {
    var out = [];
    for (var i = 0; i <= w.length; i++) {
      var head = w.slice(0, i), tail = w.slice(i);
      if (tail) out.push(head + tail.slice(1));
      if (tail.length > 1) out.push(head + tail[1] + tail[0] + tail.slice(2));
      for (var j = 0; j < LETTERS.length; j++) {
        out.push(head + LETTERS[j] + tail);
        if (tail) out.push(head + LETTERS[j] + tail.slice(1));
      }
    }
    return out;
  }

  /* index: {lang, pages: [{u: url, t: title, x: intro text, s: [[id, heading, text]...],
     p: {"page" | section id: [phrase...]}, k: [name...]}]}
     A page with names (k: a state's page) is found only when the query holds one of its names
     whole, and stays out of the word statistics (df, lengths), so queries without a name rank
     the other pages as if it were not there. */
  function Index(data) {
    var lang = data.lang || "es", self = this;
    this.lang = lang;
    this.pages = [];
    this.df = {};
    this.named = {};  // term -> pages that list it in their worker phrases or title
    this.known = {};  // every term of every page, named pages included: what the query may use as is
    this.counted = 0; // pages in the statistics
    this.vocab = {};  // folded word -> its stem, for typo matching
    this.sounds = null;  // what the page words sound like (soundsLike), made when first needed
    var stop = stopSet(lang), stem = stemmer(lang), textLength = 0;
    function learn(text) {
      words(text).forEach(function (w) { if (!stop[w] && w.length > 2) self.vocab[w] = stem(w); });
    }
    (data.pages || []).forEach(function (p) {
      var page = { url: p.u, title: p.t, sections: [], phrases: [] };
      var phraseTerms = [], headingTerms = [], textTerms = terms(p.x || "", lang);
      page.sections.push({ id: "", title: p.t, heading: {}, text: counts(textTerms), phrase: {} });
      learn(p.t); learn(p.x || "");
      (p.s || []).forEach(function (s) {
        var h = terms(s[1], lang), x = terms(s[2], lang);
        headingTerms = headingTerms.concat(h);
        textTerms = textTerms.concat(x);
        page.sections.push({ id: s[0], title: s[1], heading: counts(h), text: counts(x), phrase: {} });
        learn(s[1]); learn(s[2]);
      });
      Object.keys(p.p || {}).forEach(function (where) {
        var section = where === "page" ? page.sections[0] : page.sections.filter(function (s) { return s.id === where; })[0];
        if (!section) section = page.sections[0];
        p.p[where].forEach(function (text) {
          var t = terms(text, lang);
          if (!t.length) return;
          phraseTerms = phraseTerms.concat(t);
          t.forEach(function (term) { section.phrase[term] = (section.phrase[term] || 0) + 1; });
          page.phrases.push({ text: text, terms: t, section: section });
          learn(text);
        });
      });
      page.fields = { phrase: counts(phraseTerms), title: counts(terms(p.t, lang)), heading: counts(headingTerms),
                      text: counts(textTerms) };
      page.length = textTerms.length;
      page.names = (p.k || []).map(function (name) { learn(name); return terms(name, lang); })
        .filter(function (t) { return t.length; });
      page.phrases.forEach(function (ph) {
        ph.name = page.names.some(function (name) { return name.join(" ") === ph.terms.join(" "); });
      });
      var seen = {};
      [page.fields.phrase, page.fields.title, page.fields.heading, page.fields.text].forEach(function (f) {
        Object.keys(f).forEach(function (t) { seen[t] = true; });
      });
      Object.keys(seen).forEach(function (t) {
        self.known[t] = true;
        if (!page.names.length) self.df[t] = (self.df[t] || 0) + 1;
        if (!page.names.length && (page.fields.phrase[t] || page.fields.title[t])) self.named[t] = (self.named[t] || 0) + 1;
      });
      if (!page.names.length) { textLength += textTerms.length; self.counted++; }
      self.pages.push(page);
    });
    this.averageLength = textLength / Math.max(1, this.counted) || 1;
  }

  Index.prototype.idf = function (term) {
    var n = this.counted, df = this.df[term] || 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };

  // Spanish only: what each page word sounds like, stemmed (a word of four letters or more
  // must sound like it once stemmed: "korieron", "corrieron") and whole (a shorter one must sound
  // like it whole: "oza" is "osha", "awa" is not "hawai") -> the stems it stands for; and the
  // sounds of the stop words ("porke" is "porque", not a topic).
  Index.prototype.soundsLike = function () {
    if (this.lang !== "es") return null;
    if (!this.sounds) {
      var sounds = { stemmed: {}, whole: {}, stop: {} }, vocab = this.vocab;
      Object.keys(vocab).forEach(function (v) {
        var sound = soundEs(v), key = stemEs(sound);
        (sounds.whole[sound] = sounds.whole[sound] || {})[vocab[v]] = true;
        if (key.length >= 2) (sounds.stemmed[key] = sounds.stemmed[key] || {})[vocab[v]] = true;
      });
      Object.keys(stopSet("es")).forEach(function (w) { sounds.stop[soundEs(w)] = true; });
      this.sounds = sounds;
    }
    return this.sounds;
  };

  // The query's content words, each with the index terms it stands for: itself when the index
  // knows it, otherwise the words one typo away (or that it starts, for a cut-off word), and
  // in Spanish the words that sound the same.
  // unknown, when given, receives the words of three letters or more this language neither knows
  // nor reads past (a stop word, a near one): what `searchWith` asks another language.
  Index.prototype.parse = function (query, unknown) {
    var lang = this.lang, stop = stopSet(lang), stem = stemmer(lang), vocab = this.vocab, df = this.known;
    var sounds = this.soundsLike();
    var seen = {}, out = [];
    words(String(query).slice(0, 2000)).slice(0, MAX_WORDS * 2).forEach(function (w) {
      if (stop[w] || out.length >= MAX_WORDS) return;
      var s = stem(w);
      if (seen[s]) return;
      seen[s] = true;
      var same = (SAME[lang] || {})[s];
      if (same) {  // "me despidieron" says what "me corrieron" says: the phrases of either match
        var alts = [s].concat(same).filter(function (t) { return df[t]; });
        if (alts.length) { out.push({ word: w, alternatives: alts.map(function (t) { return { term: t, weight: 1 }; }) }); return; }
      }
      if (df[s]) { out.push({ word: w, alternatives: [{ term: s, weight: 1 }] }); return; }
      var found = {}, sound = sounds && soundEs(w);
      if (sound && sounds.stop[sound]) return;  // "porke": "porque" written by ear
      if (w.length >= 4 && nearStop(w, stop)) return;  // "quen" is "quien" mistyped, not a topic
      if (sound) {
        var alike = w.length < 4 ? sounds.whole[sound] : sounds.stemmed[stemEs(sound)];
        Object.keys(alike || {}).forEach(function (t) { found[t] = "sound"; });
      }
      if (w.length >= 4) {  // typos only in words of four letters or more
        Object.keys(vocab).forEach(function (v) {
          if (oneEdit(w, v) || (w.length >= 5 && v.length > w.length && v.indexOf(w) === 0)) found[vocab[v]] = true;
        });
        if (s.length >= 4) {  // "eslcavo" -> stem "eslcav", one swap from "esclav" (esclavitud)
          Object.keys(df).forEach(function (t) { if (oneEdit(s, t)) found[t] = true; });
        }
        if (!Object.keys(found).length) {  // "pegron": one typo from "pegaron", a form no page has; its stem "peg" is known
          oneEditAway(w).forEach(function (c) { var t = stem(c); if (t !== c && t.length >= 3 && df[t]) found[t] = true; });
        }
      }
      // A typo of a short word is no state's name: "mine", "mina", "rain" are one letter from
      // "maine", and a miner's accident found the Maine page (`rank`: names need a sure word).
      var alternatives = Object.keys(found).sort().map(function (t) {
        return { term: t, weight: TYPO, unsure: found[t] !== "sound" && w.length < 5 };
      });
      if (alternatives.length) { out.push({ word: w, alternatives: alternatives }); return; }
      // Two words without the space between them, read as both; still asked of the other language
      // too ("lastime" on the English page is "las" + "time" here, and "lastimé" in Spanish).
      (split(w, stem, stop, df) || []).forEach(function (p) {
        out.push({ word: p, alternatives: [{ term: stem(p), weight: TYPO, unsure: p.length < 5 }] });  // "mainland" is no Maine
      });
      if (unknown && w.length > 2 && /[a-z]/.test(w)) unknown.push(w);  // "60" and "vi" are no other language's words
    });
    return out;
  };

  // Two words typed without the space between them ("heatstroke", "horasextras", "salariominimo"):
  // the cut whose both halves, three letters or more and no stop word, are words the index knows.
  function split(w, stem, stop, known) {
    for (var i = 3; i <= w.length - 3; i++) {
      var a = w.slice(0, i), b = w.slice(i);
      if (!stop[a] && !stop[b] && known[stem(a)] && known[stem(b)]) return [a, b];
    }
    return null;
  }

  function nearStop(w, stop) {
    if (w.length > 6) return false;
    for (var s in stop) if (oneEdit(w, s)) return true;
    return false;
  }

  function saturate(tf) { return tf ? tf / (tf + 1) : 0; }

  // How rare a word is among the pages' worker phrases and titles (idf: among all their words).
  Index.prototype.idfNamed = function (term) {
    var n = this.counted, df = this.named[term] || 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };

  Index.prototype.termScore = function (page, term) {
    var f = page.fields, tf = f.text[term] || 0;
    var text = tf ? tf * (K + 1) / (tf + K * (1 - B + B * page.length / this.averageLength)) : 0;
    var named = PHRASE * saturate(f.phrase[term]) + TITLE * saturate(f.title[term]);
    return this.idf(term) * (HEADING * saturate(f.heading[term]) + TEXT * text) +
      (NAMED * this.idfNamed(term) + (1 - NAMED) * this.idf(term)) * named;
  };

  function contains(chosen, phrase) {
    for (var i = 0; i < phrase.terms.length; i++) if (!chosen[phrase.terms[i]]) return false;
    return true;
  }

  // Ranked pages: [{url, title, section, sectionTitle, score}], best first, at most `limit`.
  Index.prototype.search = function (query, limit) {
    return relevant(this.rank(query), limit);
  };

  // Pages far behind the first one are noise to a person who reads one or two results.
  function relevant(results, limit) {
    var floor = results.length ? results[0].score * RELEVANT : 0;
    return results.filter(function (r) { return r.score >= floor; }).slice(0, limit || 10);
  }

  // Every page the query matches, best first.
  Index.prototype.rank = function (query) {
    var self = this, parsed = this.parse(query), results = [];
    if (!parsed.length) return results;
    this.pages.forEach(function (page) {
      var score = 0, matched = 0, chosen = {};
      var sure = {};  // the chosen terms a page's name may be read from: no typo of a short word
      parsed.forEach(function (q) {
        var best = 0, bestAlt = null;
        q.alternatives.forEach(function (a) {
          var s = a.weight * self.termScore(page, a.term);
          if (s > best) { best = s; bestAlt = a; }
        });
        if (best > 0) {
          score += best; matched++; chosen[bestAlt.term] = true;
          if (!bestAlt.unsure) sure[bestAlt.term] = true;
        }
      });
      if (!matched) return;
      if (page.names.length && !page.names.some(function (name) { return contains(sure, { terms: name }); })) return;
      // A listed phrase whose every content word is in the query: the strongest sign.
      var bonus = 0, bonusPhrase = null, topic = 0;
      page.phrases.forEach(function (ph) {
        if (!contains(chosen, ph)) return;
        var value = 0;
        ph.terms.forEach(function (t) { value += self.idf(t); });
        if (value > bonus) bonus = value;
        // A page's name ("Texas") says which page, not which part: the section comes from the rest.
        if (!ph.name && value > topic) { topic = value; bonusPhrase = ph; }
      });
      score = (score + WHOLE_PHRASE * bonus) * (0.5 + 0.5 * matched / parsed.length);
      var rest = chosen;
      if (page.names.length) {  // the section is chosen by the words besides the name: none, the top
        rest = {};
        Object.keys(chosen).forEach(function (t) {
          if (!page.names.some(function (name) { return name.indexOf(t) >= 0; })) rest[t] = true;
        });
      }
      var section = self.bestSection(page, rest, bonusPhrase);
      results.push({ url: page.url, title: page.title, section: section.id, sectionTitle: section.id ? section.title : "",
                     score: Math.round(score * 1000) / 1000 });
    });
    results.sort(byScore);
    return results;
  };

  function byScore(a, b) { return b.score - a.score || (a.url < b.url ? -1 : 1); }

  // The words of a query this language neither knows nor reads past (a stop word, a near one).
  Index.prototype.unknown = function (query) {
    var unknown = [];
    this.parse(query, unknown);
    return unknown;
  };

  // A query with words this language does not know ("injury", "el boss me hizo retaliation": English
  // a Spanish reader uses at work) is also asked of another language's index, with those words only
  // (this language's stop words are no topic there); each page scores its own score plus the other
  // index's for the same page, and is shown in this language: a page has the same address and
  // section ids in each language.
  Index.prototype.searchWith = function (other, query, limit) {
    var unknown = this.unknown(query);
    if (!other || !unknown.length) return this.search(query, limit);
    var mine = {}, merged = {};
    this.pages.forEach(function (page) { mine[page.url] = page; });
    this.rank(query).forEach(function (hit) { merged[hit.url] = hit; });
    other.rank(unknown.join(" ")).forEach(function (hit) {
      var page = mine[hit.url];
      if (!page) return;
      var own = merged[hit.url];
      if (own) { own.score = Math.round((own.score + hit.score) * 1000) / 1000; return; }
      var section = page.sections.filter(function (s) { return s.id === hit.section; })[0] || page.sections[0];
      merged[hit.url] = { url: page.url, title: page.title, section: section.id,
                          sectionTitle: section.id ? section.title : "", score: hit.score };
    });
    return relevant(Object.keys(merged).map(function (url) { return merged[url]; }).sort(byScore), limit);
  };

  // The part of the page to open: the section of the phrase that matched whole, else the
  // section whose own words match best, else the top of the page.
  Index.prototype.bestSection = function (page, chosen, phrase) {
    if (phrase) return phrase.section;
    var self = this, best = page.sections[0], bestScore = 0;
    page.sections.forEach(function (s, i) {
      if (!i) return;
      var score = 0;
      Object.keys(chosen).forEach(function (t) {
        score += self.idf(t) * (PHRASE * saturate(s.phrase[t]) + HEADING * saturate(s.heading[t]) + TEXT * saturate(s.text[t]));
      });
      if (score > bestScore) { bestScore = score; best = s; }
    });
    return best;
  };

  return { Index: Index, fold: fold, terms: terms, words: words, oneEdit: oneEdit, stemEs: stemEs, stemEn: stemEn };
});
