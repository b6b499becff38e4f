#include "synth/day_generator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "synth/json_out.h"
#include "synth/output_file.h"
#include "synth/text_doc.h"
#include "synth/tweet_json.h"

namespace roost::synth {

const char* NoiseKindName(int kind) {
  static const char* kNames[] = {"truncated", "invalid_utf8", "missing_id", "missing_created_at",
                                 "missing_user"};
  return kind >= 0 && kind < kNoiseKinds ? kNames[kind] : "unknown";
}

int64_t DayStats::malformed_total() const {
  int64_t n = 0;
  for (int64_t m : malformed) n += m;
  return n;
}

namespace {

constexpr int64_t kTwitterEpochMs = 1288834974657LL;
constexpr size_t kFlushBytes = 1 << 20;
constexpr size_t kRingSize = 512;
constexpr int kPageTweets = 100;  // twarc2 search pages hold up to 100 (500 with max_results)

// Tweets per local hour on weekdays (relative); weekends run ~1.5 h later.
constexpr double kDiurnal[24] = {0.55, 0.35, 0.22, 0.15, 0.12, 0.14, 0.25, 0.45, 0.65, 0.75, 0.80, 0.85,
                                 0.90, 0.88, 0.85, 0.85, 0.88, 0.92, 0.98, 1.05, 1.12, 1.15, 1.05, 0.80};
// Volume by UTC weekday, Sunday first; mean 1.
constexpr double kWeekly[7] = {0.97, 1.02, 1.03, 1.03, 1.02, 0.99, 0.94};

double Diurnal(double local_hour, bool weekend) {
  if (weekend) local_hour -= 1.5;
  local_hour = std::fmod(local_hour + 48.0, 24.0);
  int h = static_cast<int>(local_hour);
  double f = local_hour - h;
  return kDiurnal[h] * (1 - f) + kDiurnal[(h + 1) % 24] * f;
}

int Weekday(int64_t ms) {  // 0 = Sunday
  int64_t days = ms >= 0 ? ms / kDayMs : (ms - kDayMs + 1) / kDayMs;
  return static_cast<int>(((days + 4) % 7 + 7) % 7);
}

struct RingEntry {
  uint64_t id = 0;
  int user = 0;
  int64_t ms = 0;
  Lang lang = Lang::kEn;
  TextDoc doc;
  std::string json;
  int event = -1;
  int trend = -1;
  int polarity = 0;
  bool news_url = false;
  int64_t retweet_count = 0;
};

struct Ring {
  std::vector<RingEntry> items;
  size_t next = 0;
  void Clear() {
    items.clear();
    next = 0;
  }
  RingEntry& Slot() {
    if (items.size() < kRingSize) return items.emplace_back();
    RingEntry& e = items[next];
    next = (next + 1) % kRingSize;
    return e;
  }
  // Popular authors get retweeted more: best of three by followers.
  const RingEntry* Pick(Rng& rng, const World& w) const {
    if (items.empty()) return nullptr;
    const RingEntry* best = &items[rng.Below(items.size())];
    for (int k = 0; k < 2; ++k) {
      const RingEntry* c = &items[rng.Below(items.size())];
      if (w.users[c->user].followers > w.users[best->user].followers) best = c;
    }
    return best;
  }
};

struct Pending {
  enum Kind { kDelete = 0, kScrubGeo, kUserProtect } kind;
  int64_t time;
  uint64_t a, b;  // delete: tweet id, user id; scrub: user id, up-to id; protect: user id
  bool operator>(const Pending& o) const {
    if (time != o.time) return time > o.time;
    if (kind != o.kind) return kind > o.kind;
    return a > o.a;
  }
};

enum SlotKind : uint8_t { kSlotBase, kSlotEvent, kSlotTrend };
struct Slot {
  SlotKind kind;
  int index;
};

// What the content builder decided, for counting.
struct Content {
  int event = -1;
  int trend = -1;
  int slow = -1;
  int polarity = 0;
  bool news_url = false;
  const RingEntry* retweet_of = nullptr;
  const RingEntry* quote_of = nullptr;
  const RingEntry* reply_to = nullptr;
};

}  // namespace

struct DayGenerator::Impl {
  explicit Impl(const World& world) : w(world), o(world.options), rng(0) {
    lang_rings.resize(kLangCount);
    event_rings.resize(w.events.size());
    source_table.Build(SourceWeights());
  }

  const World& w;
  const SynthOptions& o;
  Rng rng;
  DayStats* st = nullptr;
  OutputFile file;
  FILE* comp = nullptr;
  std::string buf, line, comp_buf;
  TextDoc doc, scratch;
  std::vector<Ring> lang_rings, event_rings;
  std::vector<Pending> heap;
  struct Delayed {
    int64_t due_line;
    std::string text;
  };
  std::vector<Delayed> delayed;
  AliasTable source_table;
  int64_t line_no = 0;
  int64_t last_ms = -1;
  uint64_t seq = 0;
  int64_t day_start = 0;
  std::vector<double> minute_city;  // per minute: cumulative city weights
  // v2: the twarc2 page being filled (up to kPageTweets tweets).
  std::string page_data, page_tweets;
  std::vector<std::pair<int, bool>> page_users;  // author, protected
  std::vector<int> page_places;
  std::vector<uint64_t> page_refs;
  int page_count = 0;
  uint64_t page_newest = 0, page_oldest = 0;
  int64_t page_last_ms = 0;
  size_t n_cities = 0;
  Status error;

  // ------------------------------------------------------------ output
  void Flush() {
    if (!buf.empty() && error.ok()) error = file.Write(buf);
    st->bytes += buf.size();
    buf.clear();
  }
  // Ends the line already appended to buf at its end.
  void EndLine() {
    buf.push_back('\n');
    ++line_no;
    ++st->lines;
    if (buf.size() >= kFlushBytes) Flush();
    // Tweets held back behind their early delete come out once due.
    for (size_t i = 0; i < delayed.size();) {
      if (delayed[i].due_line <= line_no) {
        std::string t = std::move(delayed[i].text);
        delayed.erase(delayed.begin() + i);
        WriteLine(t);
        i = 0;
      } else {
        ++i;
      }
    }
  }
  void WriteLine(const std::string& text) {
    buf.append(text);
    EndLine();
  }
  void WriteCompliance(const Pending& p) {
    std::string msg;
    JsonOut j(&msg);
    switch (p.kind) {
      case Pending::kDelete:
        j.Raw("{\"delete\":{\"status\":{\"id\":").U64(p.a).Raw(",\"id_str\":").U64Str(p.a);
        j.Raw(",\"user_id\":").U64(p.b).Raw(",\"user_id_str\":").U64Str(p.b);
        j.Raw("},\"timestamp_ms\":").U64Str(p.time).Raw("}}");
        break;
      case Pending::kScrubGeo:
        j.Raw("{\"scrub_geo\":{\"user_id\":").U64(p.a).Raw(",\"user_id_str\":").U64Str(p.a);
        j.Raw(",\"up_to_status_id\":").U64(p.b).Raw(",\"up_to_status_id_str\":").U64Str(p.b);
        j.Raw(",\"timestamp_ms\":").U64Str(p.time).Raw("}}");
        st->scrub_geo.push_back({p.a, p.b, p.time});
        break;
      case Pending::kUserProtect:
        j.Raw("{\"user_protect\":{\"user\":{\"id\":").U64(p.a).Raw(",\"id_str\":").U64Str(p.a);
        j.Raw("},\"timestamp_ms\":").U64Str(p.time).Raw("}}");
        st->user_protect.push_back({p.a, p.time});
        break;
    }
    ++st->compliance;
    comp_buf.append(msg);
    comp_buf.push_back('\n');
    WriteLine(msg);
  }
  void PushPending(const Pending& p) {
    heap.push_back(p);
    std::push_heap(heap.begin(), heap.end(), std::greater<Pending>());
  }
  void FlushDue(int64_t ms) {
    // A compliance line must not overtake tweets still waiting in a v2 page
    // (only the planted early deletes do).
    if (!heap.empty() && heap.front().time <= ms) FlushPage();
    while (!heap.empty() && heap.front().time <= ms) {
      std::pop_heap(heap.begin(), heap.end(), std::greater<Pending>());
      Pending p = heap.back();
      heap.pop_back();
      WriteCompliance(p);
    }
  }

  // ------------------------------------------------------------ v2 pages
  void FlushPage() {
    if (page_count == 0) return;
    std::string& out = buf;
    JsonOut j(&out);
    j.Raw("{\"data\":[").Raw(page_data).Raw("],\"includes\":{\"users\":[");
    for (size_t i = 0; i < page_users.size(); ++i) {
      if (i) j.Char(',');
      WriteUserV2(w, page_users[i].first, page_last_ms, page_users[i].second, &out);
    }
    j.Raw("],\"tweets\":[").Raw(page_tweets).Raw("],\"places\":[");
    for (size_t i = 0; i < page_places.size(); ++i) {
      if (i) j.Char(',');
      WritePlaceV2(w, page_places[i], &out);
    }
    char token[17];
    std::snprintf(token, sizeof(token), "%016llx", static_cast<unsigned long long>(Mix64(page_newest)));
    j.Raw("]},\"meta\":{\"newest_id\":").U64Str(page_newest).Raw(",\"oldest_id\":").U64Str(page_oldest);
    j.Raw(",\"result_count\":").I64(page_count).Raw(",\"next_token\":\"").Raw(std::string_view(token, 16));
    j.Raw("\"},\"__twarc\":{\"url\":\"https://api.twitter.com/2/tweets/search/all?max_results=100\",");
    j.Raw("\"version\":\"2.13.0\",\"retrieved_at\":").Str(IsoMillis(page_last_ms + 1000)).Raw("}}");
    page_data.clear();
    page_tweets.clear();
    page_users.clear();
    page_places.clear();
    page_refs.clear();
    page_count = 0;
    EndLine();
  }
  void PageUser(int user, bool is_protected) {
    for (const auto& pu : page_users)
      if (pu.first == user) return;
    page_users.emplace_back(user, is_protected);
  }
  void PageRef(const RingEntry* e) {
    if (!e) return;
    if (std::find(page_refs.begin(), page_refs.end(), e->id) != page_refs.end()) return;
    page_refs.push_back(e->id);
    if (!page_tweets.empty()) page_tweets.push_back(',');
    page_tweets += e->json;
    PageUser(e->user, false);
  }

  // ------------------------------------------------------------ ids
  uint64_t NextId(int64_t ms) {
    seq = ms == last_ms ? seq + 1 : 0;
    last_ms = ms;
    if (ms >= kTwitterEpochMs)
      return (static_cast<uint64_t>(ms - kTwitterEpochMs) << 22) | (rng.Below(1024) << 12) | (seq & 0xFFF);
    return static_cast<uint64_t>(ms) * 64 + (seq & 63);  // before snowflake: sequential ids
  }

  // ------------------------------------------------------------ text
  void Words(Lang lang, int n) {
    const auto& v = Vocabulary(lang);
    const auto& table = w.word_tables[static_cast<int>(lang)];
    for (int k = 0; k < n; ++k) doc.Append(v.words[table.Sample(rng)], v.separator);
  }
  void Sentiment(Lang lang, double polarity, Content* c) {
    const auto& v = Vocabulary(lang);
    double u = rng.Uniform();
    double p_pos = 0.85 * (1 + polarity) / 2, p_neg = 0.85 * (1 - polarity) / 2;
    if (u < p_pos) {
      c->polarity = 1;
      doc.Append(rng.Pick(v.positive), v.separator);
      if (rng.Chance(0.4)) doc.Append(rng.Pick(v.positive), v.separator);
      if (rng.Chance(0.35)) doc.Append(rng.Pick(PositiveEmoji()));
    } else if (u < p_pos + p_neg) {
      c->polarity = -1;
      doc.Append(rng.Pick(v.negative), v.separator);
      if (rng.Chance(0.4)) doc.Append(rng.Pick(v.negative), v.separator);
      if (rng.Chance(0.35)) doc.Append(rng.Pick(NegativeEmoji()));
    }
  }
  void Link(int64_t ms, const std::string& expanded) {
    std::string tco = TcoUrl(ms, rng.Next());
    std::string display = expanded.substr(expanded.find("//") + 2);
    if (display.rfind("www.", 0) == 0) display.erase(0, 4);
    if (CodePoints(display) > 26) display = display.substr(0, ByteOffsetOfCodePoint(display, 25)) + "…";
    Entity& e = doc.AppendEntity(Entity::kUrl, tco, tco);
    e.expanded = expanded;
    e.display = display;
  }
  std::string RandomToken(int n) {
    static const char kAlnum[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
    std::string s;
    for (int k = 0; k < n; ++k) s.push_back(kAlnum[rng.Below(62)]);
    return s;
  }
  void RandomLink(int64_t ms, int user) {
    double u = rng.Uniform();
    if (u < 0.3)
      Link(ms, "http://www.youtube.com/watch?v=" + RandomToken(11));
    else if (u < 0.5)
      Link(ms, "http://instagram.com/p/" + RandomToken(10) + "/");
    else if (u < 0.75)
      Link(ms, "http://bit.ly/" + RandomToken(6));
    else if (u < 0.9)
      Link(ms, "http://" + w.users[user].screen_name + ".blogspot.com/" + FormatIsoDate(ms).substr(0, 4) +
                   "/" + RandomToken(8) + ".html");
    else
      Link(ms, "http://4sq.com/" + RandomToken(7));
  }
  void Mention(int user) {
    const User& u = w.users[user];
    doc.AppendEntity(Entity::kMention, "@" + u.screen_name, u.screen_name).user = user;
  }
  void Hashtag(const std::string& tag) { doc.AppendEntity(Entity::kHashtag, "#" + tag, tag); }

  double BrandPolarity(int b, int64_t ms) const {
    double p = w.brands[b].sentiment;
    for (const auto& e : w.events)
      for (int eb : e.brands)
        if (eb == b) p += e.sentiment_shift * e.Effect(ms);
    return std::clamp(p, -1.0, 1.0);
  }
  void BrandMention(int b) {
    const Brand& brand = w.brands[b];
    double u = rng.Uniform();
    int start;
    if (u < 0.15 && b < static_cast<int>(w.brand_accounts.size())) {
      Mention(w.brand_accounts[b]);
      start = doc.entities.back().start;
    } else if (u < 0.3) {
      Hashtag(brand.name);
      start = doc.entities.back().start;
    } else {
      std::string_view piece = brand.name;
      if (u < 0.5 && !brand.products.empty())
        piece = rng.Pick(brand.products);
      else if (u < 0.6 && !brand.aliases.empty())
        piece = rng.Pick(brand.aliases);
      doc.Append(piece);
      start = doc.cp - static_cast<int>(CodePoints(piece));
    }
    doc.MarkBrand(b, start);
  }
  void BrandContent(Lang lang, int b, double polarity, int64_t ms, Content* c) {
    const Brand& brand = w.brands[b];
    const auto& v = Vocabulary(lang);
    Words(lang, 1 + static_cast<int>(rng.Below(4)));
    BrandMention(b);
    if (!brand.product_words.empty() && rng.Chance(0.6)) doc.Append(rng.Pick(brand.product_words), v.separator);
    Sentiment(lang, polarity, c);
    if (!brand.competitors.empty() && rng.Chance(0.1)) {
      for (size_t k = 0; k < w.brands.size(); ++k) {
        if (w.brands[k].name != brand.competitors[0]) continue;
        Words(lang, 1);
        doc.Append(w.brands[k].name);
        doc.MarkBrand(static_cast<int>(k), doc.cp - static_cast<int>(CodePoints(w.brands[k].name)));
        break;
      }
    }
    if (!brand.ticker.empty() && rng.Chance(0.05)) doc.AppendEntity(Entity::kSymbol, "$" + brand.ticker, brand.ticker);
    if (!brand.domain.empty() && rng.Chance(0.06))
      Link(ms, "http://www." + brand.domain + "/" + Vocabulary(Lang::kEn).words[rng.Below(40) + 40].data());
  }

  // Plain words with the usual decorations; `limit` bounds the length.
  void Decorate(Lang lang, int user, int64_t ms, Content* c) {
    if (rng.Chance(0.08)) Hashtag(std::string(Vocabulary(lang).words[20 + rng.Below(40)]));
    for (size_t k = 0; k < w.slow_topics.size(); ++k) {
      const SlowTopic& t = w.slow_topics[k];
      if (t.lang == lang && c->slow < 0 && rng.Chance(t.rate)) {
        Hashtag(t.hashtag);
        c->slow = static_cast<int>(k);
      }
    }
    if (rng.Chance(0.08)) {
      int target = static_cast<int>(w.mention_table.Sample(rng));
      Mention(target);
      // Mentioning an official account is talking about the brand.
      for (size_t b = 0; b < w.brand_accounts.size(); ++b)
        if (w.brand_accounts[b] == target) doc.MarkBrand(static_cast<int>(b), doc.entities.back().start);
    }
    if (rng.Chance(0.12)) RandomLink(ms, user);
    if (rng.Chance(0.2)) doc.Append(rng.Pick(NeutralEmoji()));
  }

  void Lengthen(Lang lang, bool long_tweet) {
    // Words carry ~4-6 characters; stop well under the limit, then trim.
    const auto& v = Vocabulary(lang);
    if (long_tweet) {
      while (doc.cp < 150 + static_cast<int>(rng.Below(110)))
        doc.Append(v.words[w.word_tables[static_cast<int>(lang)].Sample(rng)], v.separator);
    }
  }

  // Cuts the document to `limit` code points at a word boundary, keeping
  // only entities that fit.
  void Fit(int limit) {
    if (doc.cp <= limit) return;
    int cut_cp = limit;
    for (const auto& e : doc.entities)
      if (e.start < cut_cp && e.end > cut_cp) cut_cp = e.start;
    size_t cut = ByteOffsetOfCodePoint(doc.text, cut_cp);
    while (cut > 0 && doc.text[cut - 1] == ' ') {
      --cut;
      --cut_cp;
    }
    doc.text.resize(cut);
    doc.cp = cut_cp;
    std::erase_if(doc.entities, [&](const Entity& e) { return e.end > cut_cp; });
  }

  // ------------------------------------------------------------ tweets
  int PickBaselineUser(int minute) {
    const double* cum = &minute_city[static_cast<size_t>(minute) * n_cities];
    double u = rng.Uniform() * cum[n_cities - 1];
    size_t c = 0;
    while (c + 1 < n_cities && cum[c] <= u) ++c;
    while (w.city_users[c].empty()) c = (c + 1) % n_cities;
    return w.city_users[c][w.users_by_city[c].Sample(rng)];
  }
  int PickLangUser(Lang lang) {
    int l = static_cast<int>(lang);
    return w.lang_users[l][w.users_by_lang[l].Sample(rng)];
  }
  Lang PickEventLang(const NewsEvent& e) {
    double u = rng.Uniform(), acc = 0;
    for (int l = 0; l < kLangCount; ++l) {
      acc += e.lang_share[l];
      if (u < acc) return static_cast<Lang>(l);
    }
    return Lang::kEn;
  }

  void Original(Lang lang, int user, int64_t ms, Content* c) {
    bool brand = !w.brands.empty() && rng.Chance(o.brand_rate);
    if (brand) {
      int b = static_cast<int>(w.brand_table.Sample(rng));
      BrandContent(lang, b, BrandPolarity(b, ms), ms, c);
    } else {
      Words(lang, 3 + static_cast<int>(rng.Below(10)));
    }
    Decorate(lang, user, ms, c);
  }

  void EventContent(int e, Lang lang, int64_t ms, Content* c) {
    const NewsEvent& ev = w.events[e];
    const auto& v = Vocabulary(lang);
    c->event = e;
    Words(lang, 1 + static_cast<int>(rng.Below(3)));
    int nk = 1 + static_cast<int>(rng.Below(ev.keywords.size()));
    size_t first = rng.Below(ev.keywords.size());
    for (int k = 0; k < nk; ++k) doc.Append(ev.keywords[(first + k) % ev.keywords.size()], v.separator);
    if (!ev.brands.empty() && rng.Chance(0.85)) {
      int b = ev.brands[0];
      BrandMention(b);
      Sentiment(lang, std::clamp(w.brands[b].sentiment + ev.sentiment_shift, -1.0, 1.0), c);
    } else {
      Sentiment(lang, ev.sentiment_shift, c);
    }
    if (rng.Chance(0.7)) Hashtag(ev.hashtag);
    if (rng.Chance(0.35)) {
      Link(ms, ev.url);
      c->news_url = true;
    }
    if (rng.Chance(0.2)) doc.Append(rng.Pick(NeutralEmoji()));
  }

  void TrendContent(int t, int64_t ms, Content* c) {
    const Trend& tr = w.trends[t];
    c->trend = t;
    Words(tr.lang, 2 + static_cast<int>(rng.Below(6)));
    if (rng.Chance(0.5)) doc.Append(tr.terms[0], Vocabulary(tr.lang).separator);
    Hashtag(tr.hashtag);
    if (rng.Chance(0.25)) doc.Append(tr.terms[1], Vocabulary(tr.lang).separator);
    if (rng.Chance(0.3)) doc.Append(rng.Pick(PositiveEmoji()));
    (void)ms;
  }

  void Geo(int user, TweetSpec* s) {
    const User& u = w.users[user];
    const City& city = w.cities[u.city];
    if (u.geo_enabled && rng.Chance(o.geo_rate / 0.3)) {
      s->has_coordinates = true;
      s->lat = city.lat + (rng.Uniform() * 2 - 1) * city.half_lat;
      s->lon = city.lon + (rng.Uniform() * 2 - 1) * city.half_lon;
      s->place = u.city;
    } else if (rng.Chance(o.geo_rate * 0.6)) {
      s->place = u.city;
    }
  }

  void EmitTweet(const Slot& slot, int minute, int64_t ms) {
    doc.Clear();
    Content c;
    TweetSpec s;
    s.ms = ms;
    s.id = NextId(ms);
    s.source = static_cast<int>(source_table.Sample(rng));
    int user = 0;
    Lang lang = Lang::kEn;
    double r = rng.Uniform();
    if (slot.kind == kSlotBase) {
      user = PickBaselineUser(minute);
      lang = w.users[user].lang;
      Ring& ring = lang_rings[static_cast<int>(lang)];
      if (r < o.retweet_rate && !ring.items.empty()) {
        c.retweet_of = ring.Pick(rng, w);
      } else if (r < o.retweet_rate + o.reply_rate && !ring.items.empty()) {
        c.reply_to = ring.Pick(rng, w);
      } else if (r < o.retweet_rate + o.reply_rate + o.quote_rate && !ring.items.empty()) {
        c.quote_of = ring.Pick(rng, w);
      }
      if (!c.retweet_of) {
        if (c.reply_to) Mention(c.reply_to->user);
        Original(lang, user, ms, &c);
      }
    } else if (slot.kind == kSlotEvent) {
      const NewsEvent& ev = w.events[slot.index];
      Ring& ring = event_rings[slot.index];
      if (rng.Chance(0.05)) {
        // The news desks post the headline with the link.
        int desk = static_cast<int>(rng.Below(w.news_accounts.size()));
        user = w.news_accounts[desk];
        lang = w.users[user].lang;
        c.event = slot.index;
        doc.Append(ev.headline);
        Link(ms, ev.url);
        c.news_url = true;
        Hashtag(ev.hashtag);
        if (!ev.brands.empty()) doc.MarkBrand(ev.brands[0], 0);
      } else {
        lang = PickEventLang(ev);
        user = PickLangUser(lang);
        if (r < 0.3 && !ring.items.empty()) {
          c.retweet_of = ring.Pick(rng, w);
          lang = c.retweet_of->lang;
        } else {
          EventContent(slot.index, lang, ms, &c);
        }
      }
    } else {
      const Trend& tr = w.trends[slot.index];
      lang = tr.lang;
      user = PickLangUser(lang);
      TrendContent(slot.index, ms, &c);
    }
    s.user = user;
    s.lang = lang;
    s.is_protected = ms >= w.users[user].protected_from_ms;

    if (c.retweet_of) {
      const RingEntry& src = *c.retweet_of;
      const User& su = w.users[src.user];
      std::string prefix = "RT @" + su.screen_name + ": ";
      PrefixAndTruncate(prefix, src.doc, kMaxClassicLength, &doc);
      Entity m;
      m.kind = Entity::kMention;
      m.start = 3;
      m.end = 4 + static_cast<int>(su.screen_name.size());
      m.text = su.screen_name;
      m.user = src.user;
      doc.entities.insert(doc.entities.begin(), std::move(m));
      s.retweeted_json = &src.json;
      s.retweet_count = src.retweet_count;
      s.lang = src.lang;
      c.event = src.event;
      c.trend = src.trend;
      c.polarity = src.polarity;
      c.news_url = src.news_url;
    } else {
      if (c.quote_of) {
        const User& qu = w.users[c.quote_of->user];
        Fit(100);
        Link(ms, "https://twitter.com/" + qu.screen_name + "/status/" + std::to_string(c.quote_of->id));
        s.quoted_json = &c.quote_of->json;
        s.quoted_id = c.quote_of->id;
      } else {
        Lengthen(lang, rng.Chance(o.long_rate));
        Fit(doc.cp > kMaxClassicLength + 10 ? 280 : kMaxClassicLength);
      }
      if (c.reply_to) {
        s.reply_to_id = c.reply_to->id;
        s.reply_to_user = c.reply_to->user;
      }
      Geo(user, &s);
      const User& u = w.users[user];
      double fame = std::pow(static_cast<double>(u.followers) + 1, 0.4);
      s.retweet_count = static_cast<int64_t>(fame * std::max(0.0, rng.Pareto(1.6) - 1.0) * 0.15);
      s.favorite_count = s.retweet_count + static_cast<int64_t>(fame * rng.Uniform() * 0.1);
      s.reply_count = rng.Chance(0.2) ? static_cast<int64_t>(rng.Below(4)) : 0;
    }
    s.full = &doc;

    if (o.format == OutputFormat::kV2) {
      EmitTweetV2(s, c, user, lang, ms);
      return;
    }
    // Write straight into the output buffer; keep an embeddable copy for
    // later retweets and quotes.
    size_t begin = buf.size();
    BodyOffsets off;
    WriteTweetBody(w, s, &scratch, &buf, &off);
    RememberOriginal(s, c, user, lang, ms, std::string_view(buf).substr(begin), "}");
    WriteStreamTail(ms, &buf);
    Count(s, c);

    if (rng.Chance(o.delete_rate)) {
      const User& u = w.users[user];
      st->deleted_ids.push_back(s.id);
      ++st->deletes;
      if (rng.Chance(o.early_delete_share)) {
        // Firehose reordering: the delete overtakes its tweet.
        st->deleted_before_ids.push_back(s.id);
        ++st->deletes_before_tweet;
        delayed.push_back({line_no + 2 + static_cast<int64_t>(rng.Below(200)), buf.substr(begin)});
        buf.resize(begin);
        WriteCompliance({Pending::kDelete, ms + 1000 + static_cast<int64_t>(rng.Below(60000)), s.id, u.id});
        return;
      }
      int64_t when = ms + 5000 + static_cast<int64_t>(rng.Exponential(3.0 * kHourMs));
      PushPending({Pending::kDelete, when, s.id, u.id});
    }
    EndLine();
  }

  // Originals may be retweeted or quoted later: some are kept, with an
  // embeddable copy of their JSON body (`close` ends the object when the
  // body was written without its closing brace).
  void RememberOriginal(const TweetSpec& s, const Content& c, int user, Lang lang, int64_t ms,
                        std::string_view body, const char* close) {
    bool original = !c.retweet_of && !c.quote_of && !s.is_protected;
    if (!original || !(c.event >= 0 || rng.Chance(0.3))) return;
    Ring& ring = c.event >= 0 ? event_rings[c.event] : lang_rings[static_cast<int>(lang)];
    RingEntry& e = ring.Slot();
    e.id = s.id;
    e.user = user;
    e.ms = ms;
    e.lang = lang;
    e.doc = doc;
    e.json.assign(body);
    e.json.append(close);
    e.event = c.event;
    e.trend = c.trend;
    e.polarity = c.polarity;
    e.news_url = c.news_url;
    e.retweet_count = s.retweet_count;
  }

  void EmitTweetV2(TweetSpec& s, const Content& c, int user, Lang lang, int64_t ms) {
    for (const auto& pu : page_users)
      if (pu.first == user && pu.second != s.is_protected) FlushPage();
    if (page_count == 0) page_newest = s.id;
    page_oldest = s.id;
    page_last_ms = ms;
    if (page_count) page_data.push_back(',');
    size_t begin = page_data.size();
    BodyOffsets off;
    uint64_t rt_id = c.retweet_of ? c.retweet_of->id : 0;
    WriteTweetV2(w, s, rt_id, &page_data, &off);
    PageUser(user, s.is_protected);
    PageRef(c.retweet_of);
    PageRef(c.quote_of);
    PageRef(c.reply_to);
    if (s.place >= 0 && std::find(page_places.begin(), page_places.end(), s.place) == page_places.end())
      page_places.push_back(s.place);
    RememberOriginal(s, c, user, lang, ms, std::string_view(page_data).substr(begin), "");
    Count(s, c);
    if (rng.Chance(o.delete_rate)) {
      const User& u = w.users[user];
      st->deleted_ids.push_back(s.id);
      ++st->deletes;
      if (rng.Chance(o.early_delete_share)) {
        // The delete goes out now; its tweet waits in the page.
        st->deleted_before_ids.push_back(s.id);
        ++st->deletes_before_tweet;
        rng.Below(200);  // v1 draws the hold-back here: keep both formats on one stream
        WriteCompliance({Pending::kDelete, ms + 1000 + static_cast<int64_t>(rng.Below(60000)), s.id, u.id});
      } else {
        PushPending({Pending::kDelete, ms + 5000 + static_cast<int64_t>(rng.Exponential(3.0 * kHourMs)), s.id, u.id});
      }
    }
    if (++page_count >= kPageTweets) FlushPage();
  }

  void Count(const TweetSpec& s, const Content& c) {
    ++st->tweets;
    if (s.is_protected) {
      ++st->non_public_tweets;
      st->non_public_ids.push_back(s.id);
      return;
    }
    ++st->public_tweets;
    ++st->lang[static_cast<int>(s.lang)];
    ++st->hourly_tweets[(s.ms - day_start) / kHourMs];
    if (c.retweet_of) ++st->retweets;
    if (c.reply_to) ++st->replies;
    if (c.quote_of) ++st->quotes;
    if (doc.cp > kMaxClassicLength && !c.retweet_of) ++st->extended;
    if (s.has_coordinates) ++st->with_coordinates;
    if (s.place >= 0) ++st->with_place;
    // Brands in the text an ingest reads: the full text, and for a retweet
    // "RT @name: " + the whole original (v1.1 truncates only the display).
    uint64_t seen = 0;
    const TextDoc& full = c.retweet_of ? c.retweet_of->doc : doc;
    for (const auto& e : full.entities) {
      if (e.kind == Entity::kBrand && e.brand < 64 && !(seen >> e.brand & 1)) {
        seen |= 1ULL << e.brand;
        ++st->brand_tweets[e.brand];
        if (c.polarity > 0) ++st->brand_positive[e.brand];
        if (c.polarity < 0) ++st->brand_negative[e.brand];
        if (c.event >= 0) ++st->brand_event_tweets[e.brand];
      }
    }
    bool url = false, tag = false, men = false, sym = false;
    for (const auto& e : doc.entities) {
      url |= e.kind == Entity::kUrl;
      tag |= e.kind == Entity::kHashtag;
      men |= e.kind == Entity::kMention;
      sym |= e.kind == Entity::kSymbol;
    }
    st->with_urls += url || s.quoted_json;
    st->with_hashtags += tag;
    st->with_mentions += men;
    st->with_cashtags += sym;
    if (c.event >= 0) {
      ++st->event_tweets[c.event];
      if (c.news_url) ++st->event_url_tweets[c.event];
    }
    // Trends and topics count tweets whose full text still carries the tag.
    auto has_tag = [&full](const std::string& tag) {
      for (const auto& e : full.entities)
        if (e.kind == Entity::kHashtag && e.text == tag) return true;
      return false;
    };
    if (c.trend >= 0 && has_tag(w.trends[c.trend].hashtag)) ++st->trend_tweets[c.trend];
    if (c.slow >= 0 && has_tag(w.slow_topics[c.slow].hashtag)) ++st->slow_topic_tweets[c.slow];
  }

  void EmitNoise(int minute, int64_t ms) {
    doc.Clear();
    TweetSpec s;
    Content c;
    s.ms = ms;
    s.id = NextId(ms);
    s.user = PickBaselineUser(minute);
    s.lang = w.users[s.user].lang;
    s.source = static_cast<int>(source_table.Sample(rng));
    Words(s.lang, 3 + static_cast<int>(rng.Below(8)));
    Decorate(s.lang, s.user, ms, &c);
    Fit(kMaxClassicLength);
    s.full = &doc;
    line.clear();
    BodyOffsets off;
    int kind = static_cast<int>(rng.Below(kNoiseKinds));
    if (o.format == OutputFormat::kV2) {
      // A one-tweet page, damaged like the v1 noise.
      line = "{\"data\":[";
      WriteTweetV2(w, s, 0, &line, &off);
      line += "],\"includes\":{\"users\":[";
      WriteUserV2(w, s.user, ms, false, &line);
      line += "]},\"meta\":{\"result_count\":1}}";
    } else {
      WriteTweetBody(w, s, &scratch, &line, &off);
    }
    if (o.format == OutputFormat::kV2) {
      // already complete
    } else if (kind == kNoiseMissingCreatedAt)
      line += ",\"filter_level\":\"low\"}";  // no timestamp_ms either: no time at all
    else
      WriteStreamTail(ms, &line);
    switch (kind) {
      case kNoiseTruncated: {
        size_t keep = line.size() / 4 + rng.Below(line.size() / 2);
        line.resize(keep);
        // A cut inside a multi-byte character would be invalid UTF-8 too: back off.
        while (!line.empty() && (static_cast<unsigned char>(line.back()) & 0x80)) line.pop_back();
        break;
      }
      case kNoiseInvalidUtf8:
        line.insert(off.text_value, "\xff\xfe");
        break;
      case kNoiseMissingId:
        line.erase(off.id_begin, off.id_end - off.id_begin);
        break;
      case kNoiseMissingCreatedAt:
        line.erase(off.created_begin, off.created_end - off.created_begin);
        break;
      case kNoiseMissingUser:
        line.erase(off.user_begin, off.user_end - off.user_begin);
        break;
    }
    ++st->malformed[kind];
    WriteLine(line);
  }

  // ------------------------------------------------------------ day
  Status Generate(int day, const std::string& tweets_path, const std::string& comp_path, DayStats* stats) {
    st = stats;
    *st = DayStats();
    st->day = day;
    day_start = w.DayStart(day);
    int64_t day_end = day_start + kDayMs;
    st->date = FormatIsoDate(day_start);
    st->brand_tweets.assign(w.brands.size(), 0);
    st->brand_positive.assign(w.brands.size(), 0);
    st->brand_negative.assign(w.brands.size(), 0);
    st->brand_event_tweets.assign(w.brands.size(), 0);
    st->event_tweets.assign(w.events.size(), 0);
    st->event_url_tweets.assign(w.events.size(), 0);
    st->trend_tweets.assign(w.trends.size(), 0);
    st->slow_topic_tweets.assign(w.slow_topics.size(), 0);
    st->hourly_tweets.assign(24, 0);
    rng = Rng(SeedFor(o.seed, 0x646179, static_cast<uint64_t>(day)));  // "day"
    for (auto& r : lang_rings) r.Clear();
    for (auto& r : event_rings) r.Clear();
    heap.clear();
    delayed.clear();
    page_data.clear();
    page_tweets.clear();
    page_users.clear();
    page_places.clear();
    page_refs.clear();
    page_count = 0;
    buf.clear();
    comp_buf.clear();
    line_no = 0;
    last_ms = -1;
    error = Status::Ok();

    ROOST_RETURN_IF_ERROR(file.Open(tweets_path, o.compression,
                                    o.compression == Compression::kGzip ? o.gzip_level : o.zstd_level));
    for (const auto& sc : w.scheduled) {
      if (sc.time_ms < day_start || sc.time_ms >= day_end) continue;
      const User& u = w.users[sc.user];
      if (sc.kind == ScheduledCompliance::kUserProtect) {
        PushPending({Pending::kUserProtect, sc.time_ms, u.id, 0});
      } else {
        uint64_t up_to = sc.time_ms >= kTwitterEpochMs
                             ? (static_cast<uint64_t>(sc.time_ms - kTwitterEpochMs) << 22) | 0x3FFFFF
                             : static_cast<uint64_t>(sc.time_ms) * 64 + 63;
        PushPending({Pending::kScrubGeo, sc.time_ms, u.id, up_to});
      }
    }

    // Baseline volume per minute: users' cities weighted by their local hour.
    n_cities = w.cities.size();
    minute_city.assign(1440 * n_cities, 0);
    std::vector<double> minute_total(1440);
    double day_total = 0;
    for (int m = 0; m < 1440; ++m) {
      int64_t t = day_start + m * kMinuteMs;
      double acc = 0;
      for (size_t c = 0; c < n_cities; ++c) {
        int64_t local = t + w.cities[c].utc_offset_s * 1000LL;
        double hour = static_cast<double>((local % kDayMs + kDayMs) % kDayMs) / kHourMs;
        int wd = Weekday(local);
        acc += w.city_activity[c] * Diurnal(hour, wd == 0 || wd == 6);
        minute_city[m * n_cities + c] = acc;
      }
      minute_total[m] = acc;
      day_total += acc;
    }
    double day_volume = static_cast<double>(o.tweets_per_day) * kWeekly[Weekday(day_start)];
    std::vector<Slot> slots;
    std::vector<int64_t> offsets;
    double cum = 0;
    for (int m = 0; m < 1440; ++m) {
      int64_t t0 = day_start + m * kMinuteMs, t1 = t0 + kMinuteMs;
      double before = cum;
      cum += minute_total[m];
      int64_t n_base = static_cast<int64_t>(std::floor(day_volume * cum / day_total)) -
                       static_cast<int64_t>(std::floor(day_volume * before / day_total));
      slots.clear();
      for (int64_t k = 0; k < n_base; ++k) slots.push_back({kSlotBase, 0});
      for (size_t e = 0; e < w.events.size(); ++e) {
        if (t1 <= w.events[e].time_ms) continue;
        int64_t n = static_cast<int64_t>(std::floor(w.events[e].Cumulative(t1))) -
                    static_cast<int64_t>(std::floor(w.events[e].Cumulative(t0)));
        for (int64_t k = 0; k < n; ++k) slots.push_back({kSlotEvent, static_cast<int>(e)});
      }
      for (size_t tr = 0; tr < w.trends.size(); ++tr) {
        if (t1 <= w.trends[tr].start_ms || t0 > w.trends[tr].end_ms + 48 * kHourMs) continue;
        int64_t n = static_cast<int64_t>(std::floor(w.trends[tr].Cumulative(t1))) -
                    static_cast<int64_t>(std::floor(w.trends[tr].Cumulative(t0)));
        for (int64_t k = 0; k < n; ++k) slots.push_back({kSlotTrend, static_cast<int>(tr)});
      }
      for (size_t k = slots.size(); k > 1; --k) std::swap(slots[k - 1], slots[rng.Below(k)]);
      offsets.resize(slots.size());
      for (auto& off : offsets) off = static_cast<int64_t>(rng.Below(kMinuteMs));
      std::sort(offsets.begin(), offsets.end());
      for (size_t k = 0; k < slots.size(); ++k) {
        int64_t ms = t0 + offsets[k];
        FlushDue(ms);
        EmitTweet(slots[k], m, ms);
        if (o.malformed_rate > 0 && rng.Chance(o.malformed_rate)) EmitNoise(m, ms);
      }
    }
    // Deletes due after midnight still go into this day's file (their
    // timestamp_ms tells when they were issued), so days stay independent.
    FlushDue(std::numeric_limits<int64_t>::max());
    FlushPage();
    while (!delayed.empty()) {
      std::string t = std::move(delayed.front().text);
      delayed.erase(delayed.begin());
      WriteLine(t);
    }
    Flush();
    ROOST_RETURN_IF_ERROR(error);
    ROOST_RETURN_IF_ERROR(file.Close());
    st->bytes_compressed = file.bytes_written();
    FILE* f = std::fopen(comp_path.c_str(), "wb");
    if (!f) return Status::FromErrno("open", comp_path);
    size_t n = std::fwrite(comp_buf.data(), 1, comp_buf.size(), f);
    if (std::fclose(f) != 0 || n != comp_buf.size()) return Status::FromErrno("write", comp_path);
    return Status::Ok();
  }
};

DayGenerator::DayGenerator(const World& world) : impl_(std::make_unique<Impl>(world)) {}
DayGenerator::~DayGenerator() = default;

Status DayGenerator::Generate(int day, const std::string& tweets_path, const std::string& compliance_path,
                              DayStats* stats) {
  return impl_->Generate(day, tweets_path, compliance_path, stats);
}

}  // namespace roost::synth
