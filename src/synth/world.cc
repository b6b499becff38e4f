#include "synth/world.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <unordered_set>

namespace roost::synth {

// ---------------------------------------------------------------- time

Result<int64_t> ParseIsoTime(const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  char tail[8] = {};
  int n = std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%7s", &y, &mo, &d, &h, &mi, &s, tail);
  bool ok = (n == 3 && text.size() == 10) || n == 6 || (n == 7 && std::string(tail) == "Z");
  if (!ok || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60 || y < 2006)
    return Status::InvalidArgument("not an ISO 8601 UTC date: '" + text +
                                   "' (want 2012-03-01 or 2012-03-01T00:00:00Z, 2006 or later)");
  int64_t days = DaysFromCivil(y, mo, d);
  return ((days * 24 + h) * 60 + mi) * kMinuteMs + s * 1000LL;
}

std::string FormatIsoTime(int64_t ms) {
  int64_t days = ms >= 0 ? ms / kDayMs : (ms - kDayMs + 1) / kDayMs;
  int64_t rem = (ms - days * kDayMs) / 1000;
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast<long long>(y),
                m, d, static_cast<long long>(rem / 3600), static_cast<long long>(rem / 60 % 60),
                static_cast<long long>(rem % 60));
  return buf;
}

std::string FormatIsoDate(int64_t ms) { return FormatIsoTime(ms).substr(0, 10); }

void FormatTwitterTime(int64_t ms, char out[30]) {
  static const char kDays[] = "ThuFriSatSunMonTueWed";  // 1970-01-01 was a Thursday
  static const char kMonths[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
  int64_t days = ms / kDayMs;
  int64_t secs = (ms % kDayMs) / 1000;
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  auto two = [](char* p, unsigned v) {
    p[0] = static_cast<char>('0' + v / 10);
    p[1] = static_cast<char>('0' + v % 10);
  };
  std::memcpy(out, kDays + (days % 7) * 3, 3);
  out[3] = ' ';
  std::memcpy(out + 4, kMonths + (m - 1) * 3, 3);
  out[7] = ' ';
  two(out + 8, d);
  out[10] = ' ';
  two(out + 11, static_cast<unsigned>(secs / 3600));
  out[13] = ':';
  two(out + 14, static_cast<unsigned>(secs / 60 % 60));
  out[16] = ':';
  two(out + 17, static_cast<unsigned>(secs % 60));
  std::memcpy(out + 19, " +0000 ", 7);
  unsigned yy = static_cast<unsigned>(y);
  two(out + 26, yy / 100);
  two(out + 28, yy % 100);
}

// ---------------------------------------------------------------- curves

namespace {
// Unit-area volume curve: linear ramp over `ramp` ms, then exponential decay
// with time constant `tau` ms. Returns the integral from 0 to x.
double RampDecayIntegral(double x, double ramp, double tau) {
  if (x <= 0) return 0;
  double area = ramp / 2 + tau;
  if (x < ramp) return (x * x / (2 * ramp)) / area;
  return (ramp / 2 + tau * (1 - std::exp(-(x - ramp) / tau))) / area;
}
}  // namespace

double NewsEvent::Cumulative(int64_t t) const {
  return expected_tweets * RampDecayIntegral(static_cast<double>(t - time_ms),
                                             ramp_minutes * kMinuteMs, decay_hours * kHourMs);
}

double NewsEvent::Effect(int64_t t) const {
  if (t < time_ms) return 0;
  return std::exp(-static_cast<double>(t - time_ms) / (decay_hours * kHourMs));
}

double Trend::Cumulative(int64_t t) const {
  return expected_tweets * RampDecayIntegral(static_cast<double>(t - start_ms),
                                             static_cast<double>(peak_ms - start_ms),
                                             decay_hours * kHourMs);
}

// ---------------------------------------------------------------- places

namespace {

std::vector<City> MakeCities() {
  using L = Lang;
  // name, full_name, cc, country, time zone, utc offset, language, centre, half box, weight
  return {
      {"New York", "New York, NY", "US", "United States", "Eastern Time (US & Canada)", -18000, L::kEn, 40.71, -74.00, 0.15, 0.2, 3, {}},
      {"Los Angeles", "Los Angeles, CA", "US", "United States", "Pacific Time (US & Canada)", -28800, L::kEn, 34.05, -118.24, 0.2, 0.25, 2, {}},
      {"Chicago", "Chicago, IL", "US", "United States", "Central Time (US & Canada)", -21600, L::kEn, 41.88, -87.63, 0.15, 0.15, 1.5, {}},
      {"Houston", "Houston, TX", "US", "United States", "Central Time (US & Canada)", -21600, L::kEn, 29.76, -95.37, 0.2, 0.2, 1, {}},
      {"London", "London, England", "GB", "United Kingdom", "London", 0, L::kEn, 51.51, -0.13, 0.15, 0.25, 2, {}},
      {"Manchester", "Manchester, England", "GB", "United Kingdom", "London", 0, L::kEn, 53.48, -2.24, 0.08, 0.12, 0.6, {}},
      {"Toronto", "Toronto, Ontario", "CA", "Canada", "Eastern Time (US & Canada)", -18000, L::kEn, 43.65, -79.38, 0.12, 0.2, 0.7, {}},
      {"Sydney", "Sydney, New South Wales", "AU", "Australia", "Sydney", 36000, L::kEn, -33.87, 151.21, 0.25, 0.25, 0.6, {}},
      {"Lagos", "Lagos, Nigeria", "NG", "Nigeria", "West Central Africa", 3600, L::kEn, 6.52, 3.38, 0.15, 0.2, 0.5, {}},
      {"Paris", "Paris, France", "FR", "France", "Paris", 3600, L::kFr, 48.86, 2.35, 0.08, 0.12, 3, {}},
      {"Lyon", "Lyon, France", "FR", "France", "Paris", 3600, L::kFr, 45.76, 4.84, 0.06, 0.08, 1, {}},
      {"Marseille", "Marseille, France", "FR", "France", "Paris", 3600, L::kFr, 43.30, 5.37, 0.07, 0.1, 0.8, {}},
      {"Montréal", "Montréal, Québec", "CA", "Canada", "Eastern Time (US & Canada)", -18000, L::kFr, 45.50, -73.57, 0.1, 0.15, 0.8, {}},
      {"Bruxelles", "Bruxelles, Belgique", "BE", "Belgique", "Brussels", 3600, L::kFr, 50.85, 4.35, 0.05, 0.08, 0.5, {}},
      {"Madrid", "Madrid, Comunidad de Madrid", "ES", "España", "Madrid", 3600, L::kEs, 40.42, -3.70, 0.1, 0.12, 2, {}},
      {"Barcelona", "Barcelona, Cataluña", "ES", "España", "Madrid", 3600, L::kEs, 41.39, 2.17, 0.07, 0.1, 1.2, {}},
      {"Ciudad de México", "Ciudad de México, Distrito Federal", "MX", "México", "Mexico City", -21600, L::kEs, 19.43, -99.13, 0.2, 0.2, 2.5, {}},
      {"Buenos Aires", "Buenos Aires, Argentina", "AR", "Argentina", "Buenos Aires", -10800, L::kEs, -34.60, -58.38, 0.15, 0.15, 2, {}},
      {"Bogotá", "Bogotá, Colombia", "CO", "Colombia", "Bogota", -18000, L::kEs, 4.71, -74.07, 0.12, 0.1, 1, {}},
      {"Berlin", "Berlin, Deutschland", "DE", "Deutschland", "Berlin", 3600, L::kDe, 52.52, 13.40, 0.1, 0.2, 2, {}},
      {"München", "München, Bayern", "DE", "Deutschland", "Berlin", 3600, L::kDe, 48.14, 11.58, 0.08, 0.12, 1, {}},
      {"Hamburg", "Hamburg, Deutschland", "DE", "Deutschland", "Berlin", 3600, L::kDe, 53.55, 9.99, 0.08, 0.15, 1, {}},
      {"Wien", "Wien, Österreich", "AT", "Österreich", "Vienna", 3600, L::kDe, 48.21, 16.37, 0.06, 0.1, 0.7, {}},
      {"São Paulo", "São Paulo, São Paulo", "BR", "Brasil", "Brasilia", -10800, L::kPt, -23.55, -46.63, 0.2, 0.2, 3, {}},
      {"Rio de Janeiro", "Rio de Janeiro, Rio de Janeiro", "BR", "Brasil", "Brasilia", -10800, L::kPt, -22.91, -43.17, 0.15, 0.2, 2, {}},
      {"Belo Horizonte", "Belo Horizonte, Minas Gerais", "BR", "Brasil", "Brasilia", -10800, L::kPt, -19.92, -43.94, 0.1, 0.1, 1, {}},
      {"Lisboa", "Lisboa, Portugal", "PT", "Portugal", "Lisbon", 0, L::kPt, 38.72, -9.14, 0.06, 0.08, 0.6, {}},
      {"東京", "東京都 千代田区", "JP", "日本", "Tokyo", 32400, L::kJa, 35.68, 139.69, 0.2, 0.3, 4, {}},
      {"大阪", "大阪府 大阪市", "JP", "日本", "Osaka", 32400, L::kJa, 34.69, 135.50, 0.1, 0.15, 2, {}},
      {"名古屋", "愛知県 名古屋市", "JP", "日本", "Tokyo", 32400, L::kJa, 35.18, 136.91, 0.08, 0.1, 1, {}},
      {"الرياض", "الرياض, المملكة العربية السعودية", "SA", "المملكة العربية السعودية", "Riyadh", 10800, L::kAr, 24.71, 46.68, 0.2, 0.25, 3, {}},
      {"جدة", "جدة, المملكة العربية السعودية", "SA", "المملكة العربية السعودية", "Riyadh", 10800, L::kAr, 21.49, 39.19, 0.15, 0.12, 1.5, {}},
      {"القاهرة", "القاهرة, مصر", "EG", "مصر", "Cairo", 7200, L::kAr, 30.04, 31.24, 0.15, 0.15, 2, {}},
      {"دبي", "دبي, الإمارات العربية المتحدة", "AE", "الإمارات العربية المتحدة", "Abu Dhabi", 14400, L::kAr, 25.20, 55.27, 0.1, 0.15, 1, {}},
  };
}

std::string Hex16(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string Capitalize(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

std::string InventedWord(Rng& rng, int syllables) {
  std::string w;
  for (int i = 0; i < syllables; ++i) w += rng.Pick(Syllables());
  return w;
}

std::string Lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Snowflake epoch (2010-11-04T01:42:54.657Z).
constexpr int64_t kTwitterEpochMs = 1288834974657LL;

Lang PickLang(Rng& rng) {
  double u = rng.Uniform(), acc = 0;
  for (int l = 0; l < kLangCount; ++l) {
    acc += Vocabulary(l).share;
    if (u < acc) return static_cast<Lang>(l);
  }
  return Lang::kEn;
}

void MakeUsers(World& w, Rng& rng, int64_t n) {
  std::vector<std::vector<int>> lang_cities(kLangCount);
  std::vector<std::vector<double>> lang_city_w(kLangCount);
  for (size_t c = 0; c < w.cities.size(); ++c) {
    int l = static_cast<int>(w.cities[c].lang);
    lang_cities[l].push_back(static_cast<int>(c));
    lang_city_w[l].push_back(w.cities[c].weight);
  }
  std::vector<AliasTable> city_pick(kLangCount);
  for (int l = 0; l < kLangCount; ++l) city_pick[l].Build(lang_city_w[l]);

  std::unordered_set<std::string> names;
  std::unordered_set<uint64_t> ids;
  const int64_t first_ms = DaysFromCivil(2006, 7, 15) * kDayMs;
  const int64_t last_ms = std::max(first_ms + kDayMs, w.start_ms - 7 * kDayMs);
  static const char* kSuffix[] = {"", "_", "x", "_official", "tweets", "92", "88", "01", "2011", "_"};
  static const char* kJunkLocations[] = {"", "", "", "Earth", "somewhere", "in my head", "🌍", "home"};
  w.users.reserve(n + 16);
  for (int64_t i = 0; i < n; ++i) {
    User u;
    u.lang = PickLang(rng);
    const auto& vocab = Vocabulary(u.lang);
    int l = static_cast<int>(u.lang);
    u.city = lang_cities[l][city_pick[l].Sample(rng)];
    std::string first(rng.Pick(vocab.first_names)), last(rng.Pick(vocab.last_names));
    u.name = rng.Chance(0.85) ? first + " " + last : first;
    if (rng.Chance(0.1)) u.name += " " + std::string(rng.Pick(NeutralEmoji()));
    std::string sn;
    if (IsAscii(first) && rng.Chance(0.5))
      sn = Lower(first) + (rng.Chance(0.5) ? Lower(IsAscii(last) ? last : InventedWord(rng, 2))
                                           : InventedWord(rng, 1));
    else
      sn = InventedWord(rng, 2 + static_cast<int>(rng.Below(2)));
    sn += kSuffix[rng.Below(10)];
    if (rng.Chance(0.3)) sn += std::to_string(rng.Below(1000));
    if (sn.size() > 15) sn.resize(15);
    while (!names.insert(Lower(sn)).second) {
      if (sn.size() >= 13) sn.resize(10);
      sn += std::to_string(rng.Below(100));
    }
    u.screen_name = sn;
    const City& city = w.cities[u.city];
    double lr = rng.Uniform();
    u.location = lr < 0.55 ? city.full_name : lr < 0.75 ? city.name : kJunkLocations[rng.Below(8)];
    int nbio = static_cast<int>(rng.Below(7));
    for (int k = 0; k < nbio; ++k) {
      if (k) u.description += vocab.separator;
      u.description += rng.Pick(vocab.bio_words);
    }
    if (nbio && rng.Chance(0.3)) u.description += " " + std::string(rng.Pick(PositiveEmoji()));
    u.has_time_zone = rng.Chance(0.7);
    double age = std::pow(rng.Uniform(), 0.7);
    u.created_ms = last_ms - static_cast<int64_t>(age * (last_ms - first_ms));
    u.created_ms -= u.created_ms % 1000;
    if (u.created_ms < kTwitterEpochMs) {
      double f = static_cast<double>(u.created_ms - first_ms) / (kTwitterEpochMs - first_ms);
      u.id = 10000 + static_cast<uint64_t>(f * 215'000'000.0) + rng.Below(50000);
    } else {
      u.id = (static_cast<uint64_t>(u.created_ms - kTwitterEpochMs) << 22) | rng.Below(1 << 22);
    }
    while (!ids.insert(u.id).second) ++u.id;
    u.activity = std::min(rng.Pareto(1.25), 400.0);
    double f = std::exp(4.6 + 1.8 * rng.Normal() + 0.3 * std::log(u.activity));
    u.followers = static_cast<int64_t>(std::min(f, 4.0e7));
    u.friends = static_cast<int64_t>(std::min(std::exp(5.0 + 1.1 * rng.Normal()), 5000.0));
    u.listed = static_cast<int64_t>(u.followers * rng.Uniform() * 0.02);
    u.favourites = static_cast<int64_t>(std::exp(4.5 + 1.6 * rng.Normal()));
    u.statuses_per_day = 0.3 * u.activity;
    double age_days = static_cast<double>(w.start_ms - u.created_ms) / kDayMs;
    u.statuses_base = 1 + static_cast<int64_t>(age_days * u.statuses_per_day * (0.5 + rng.Uniform()));
    u.verified = (u.followers > 100000 && rng.Chance(0.4)) || rng.Chance(0.002);
    u.geo_enabled = rng.Chance(0.3);
    u.default_profile = rng.Chance(0.4);
    u.profile_seed = static_cast<uint32_t>(rng.Next());
    if (rng.Chance(0.15)) u.url = "http://" + Lower(sn) + ".blogspot.com";
    w.users.push_back(std::move(u));
  }
}

int AddAccount(World& w, Rng& rng, const std::string& sn, const std::string& name, Lang lang,
               int city, int64_t followers, const std::string& url) {
  User u;
  u.screen_name = sn;
  u.name = name;
  u.lang = lang;
  u.city = city;
  u.location = w.cities[city].full_name;
  u.description = "Official account of " + name;
  u.url = url;
  u.created_ms = DaysFromCivil(2009, 1 + rng.Below(12), 1 + rng.Below(28)) * kDayMs + rng.Below(kDayMs / 1000) * 1000;
  u.id = 20'000'000 + rng.Below(60'000'000);
  u.followers = followers;
  u.friends = 200 + rng.Below(2000);
  u.listed = followers / 150;
  u.favourites = 100 + rng.Below(5000);
  u.statuses_per_day = 20;
  u.statuses_base = 5000 + rng.Below(40000);
  u.verified = true;
  u.activity = 0.5;
  u.default_profile = false;
  u.profile_seed = static_cast<uint32_t>(rng.Next());
  w.users.push_back(std::move(u));
  return static_cast<int>(w.users.size() - 1);
}

struct EventTemplate {
  const char* headline;  // {B} brand, {P} product, {C} city
  const char* hashtag_suffix;
  const char* keywords;  // space separated
  double shift;
  bool needs_brand;
};

const EventTemplate kEventTemplates[] = {
    {"{B} recalls {P} after reports of overheating batteries", "Recall", "recall overheating batteries", -0.9, true},
    {"{B} hit by nationwide outage as customers are locked out", "Outage", "outage customers locked", -0.8, true},
    {"{B} chief executive resigns amid accounting probe", "Probe", "resigns accounting probe", -0.7, true},
    {"{B} data breach exposes millions of customer records", "Breach", "breach data records", -0.9, true},
    {"{B} unveils {P} to record preorders", "Launch", "unveils preorders record", 0.8, true},
    {"{B} wins industry award for customer service", "Award", "award customer service", 0.7, true},
    {"{B} cuts prices by 20 percent across its range", "Deal", "prices cut percent", 0.6, true},
    {"Magnitude 6.1 earthquake strikes near {C}", "Quake", "earthquake magnitude strikes", -0.6, false},
    {"{C} wins the cup final in a dramatic penalty shootout", "CupFinal", "final penalty shootout", 0.7, false},
    {"Snowstorm shuts airports and strands thousands of travellers", "Snowstorm", "snowstorm airports stranded", -0.5, false},
};

std::string Slug(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
    else if (!out.empty() && out.back() != '-') out.push_back('-');
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  size_t p;
  while ((p = s.find(from)) != std::string::npos) s.replace(p, from.size(), to);
  return s;
}

void MakeEvents(World& w, Rng& rng, int count) {
  const SynthOptions& o = w.options;
  int64_t span = static_cast<int64_t>(o.days) * kDayMs;
  static const char* kEnglishCities[] = {"Portland", "Valencia", "Osaka", "Lisbon", "Auckland", "Denver"};
  std::vector<int> order;
  for (int k = 0; k < count; ++k) {
    NewsEvent e;
    // Spread events across the range, jittered, away from the very end.
    double slot = (k + 0.2 + 0.6 * rng.Uniform()) / count;
    e.time_ms = w.start_ms + static_cast<int64_t>(slot * std::max<int64_t>(span - 6 * kHourMs, kHourMs));
    e.time_ms -= e.time_ms % kMinuteMs;
    size_t n_templates = sizeof(kEventTemplates) / sizeof(kEventTemplates[0]);
    const EventTemplate* t;
    do {
      // Two in three events concern a brand.
      t = rng.Chance(0.67) ? &kEventTemplates[rng.Below(7)] : &kEventTemplates[7 + rng.Below(n_templates - 7)];
    } while (t->needs_brand && w.brands.empty());
    std::string headline = t->headline;
    std::string tag_prefix;
    if (t->needs_brand) {
      int b = static_cast<int>(w.brand_table.Sample(rng));
      const Brand& brand = w.brands[b];
      e.brands.push_back(b);
      headline = Replace(headline, "{B}", brand.name);
      headline = Replace(headline, "{P}", brand.products.empty() ? brand.name + " products" : rng.Pick(brand.products));
      tag_prefix = brand.name;
    } else {
      std::string city = kEnglishCities[rng.Below(6)];
      headline = Replace(headline, "{C}", city);
      tag_prefix = Replace(city, " ", "");
      if (std::string(t->hashtag_suffix) == "CupFinal") tag_prefix = "";
    }
    e.headline = headline;
    e.hashtag = tag_prefix + t->hashtag_suffix;
    // A later event with the same tag gets a number so tags stay unique.
    for (const auto& prev : w.events)
      if (prev.hashtag == e.hashtag) e.hashtag += std::to_string(k + 1);
    std::string kw = t->keywords;
    size_t pos = 0;
    while (pos < kw.size()) {
      size_t sp = kw.find(' ', pos);
      if (sp == std::string::npos) sp = kw.size();
      e.keywords.push_back(kw.substr(pos, sp - pos));
      pos = sp + 1;
    }
    e.sentiment_shift = t->shift * (0.8 + 0.2 * rng.Uniform());
    e.decay_hours = 2 + 6 * rng.Uniform();
    e.ramp_minutes = 10 + 20 * rng.Uniform();
    e.expected_tweets = o.tweets_per_day * (0.05 + 0.07 * rng.Uniform());
    const std::string& site = rng.Pick(w.news_sites);
    int64_t y;
    unsigned mo, d;
    CivilFromDays(e.time_ms / kDayMs, &y, &mo, &d);
    char date[16];
    std::snprintf(date, sizeof(date), "%04lld/%02u/%02u", static_cast<long long>(y), mo, d);
    e.url = "https://www." + site + "/" + date + "/" + Slug(headline);
    double shares[kLangCount] = {0.62, 0.16, 0.1, 0.05, 0.04, 0.02, 0.01};
    for (int l = 0; l < kLangCount; ++l) e.lang_share[l] = shares[l];
    w.events.push_back(std::move(e));
  }
  std::sort(w.events.begin(), w.events.end(),
            [](const NewsEvent& a, const NewsEvent& b) { return a.time_ms < b.time_ms; });
}

void MakeTrends(World& w, Rng& rng, int count) {
  const SynthOptions& o = w.options;
  int64_t span = static_cast<int64_t>(o.days) * kDayMs;
  static const char* kTails[] = {"Day", "Live", "Fest", "Challenge", "Night", "Tour", "Party", "Week"};
  std::unordered_set<std::string> used;
  for (const auto& e : w.events) used.insert(Lower(e.hashtag));
  for (int k = 0; k < count; ++k) {
    Trend t;
    t.lang = PickLang(rng);
    do {
      t.hashtag = Capitalize(InventedWord(rng, 2 + static_cast<int>(rng.Below(2)))) + kTails[rng.Below(8)];
    } while (!used.insert(Lower(t.hashtag)).second);
    t.terms = {InventedWord(rng, 3), InventedWord(rng, 2) + "o"};
    double slot = (k + rng.Uniform()) / count;
    t.start_ms = w.start_ms + static_cast<int64_t>(slot * std::max<int64_t>(span - 12 * kHourMs, kHourMs));
    t.start_ms -= t.start_ms % kMinuteMs;
    t.peak_ms = t.start_ms + static_cast<int64_t>((1 + 4 * rng.Uniform()) * kHourMs);
    t.decay_hours = 2 + 5 * rng.Uniform();
    t.end_ms = t.peak_ms + static_cast<int64_t>(4 * t.decay_hours * kHourMs);
    t.expected_tweets = o.tweets_per_day * (0.01 + 0.03 * rng.Uniform());
    w.trends.push_back(std::move(t));
  }
  std::sort(w.trends.begin(), w.trends.end(),
            [](const Trend& a, const Trend& b) { return a.start_ms < b.start_ms; });
}

}  // namespace

Result<World> BuildWorld(const SynthOptions& options, std::vector<Brand> brands) {
  if (options.days < 1) return Status::InvalidArgument("--days must be at least 1");
  if (options.tweets_per_day < 1) return Status::InvalidArgument("--tweets-per-day must be at least 1");
  World w;
  w.options = options;
  ROOST_ASSIGN_OR_RETURN(w.start_ms, ParseIsoTime(options.start));
  Rng rng(SeedFor(options.seed, 0x776f726c64));  // "world"
  w.cities = MakeCities();
  for (auto& c : w.cities) c.place_id = Hex16(SeedFor(options.seed, 0x706c616365, Mix64(std::hash<std::string>{}(c.full_name))) >> 1);
  w.brands = std::move(brands);
  std::vector<double> sov;
  for (const auto& b : w.brands) sov.push_back(b.share_of_voice);
  w.brand_table.Build(sov);

  int64_t total = options.tweets_per_day * options.days;
  int64_t n_users = options.users > 0 ? options.users : std::clamp<int64_t>(total / 8, 2000, 1'000'000);
  MakeUsers(w, rng, n_users);

  // Official accounts: brands and news desks (verified, many followers).
  for (const auto& b : w.brands)
    w.brand_accounts.push_back(AddAccount(w, rng, b.handle, b.name, Lang::kEn, 0,
                                          200000 + rng.Below(2'000'000),
                                          b.domain.empty() ? "" : "http://www." + b.domain));
  w.news_sites = {"dailyledger-news.com", "globewire-report.net", "metroherald-online.com", "lequotidien-infos.fr"};
  const char* kDesks[][2] = {{"DailyLedger", "The Daily Ledger"}, {"GlobeWireNews", "GlobeWire"},
                             {"MetroHeraldNow", "Metro Herald"}, {"LeQuotidienInfo", "Le Quotidien"}};
  for (int k = 0; k < 4; ++k)
    w.news_accounts.push_back(AddAccount(w, rng, kDesks[k][0], kDesks[k][1], k == 3 ? Lang::kFr : Lang::kEn,
                                         k == 3 ? 9 : 0, 1'000'000 + rng.Below(8'000'000),
                                         "http://www." + w.news_sites[k]));

  // Protection: some authors for the whole run, some turn protected during it.
  int64_t span = static_cast<int64_t>(options.days) * kDayMs;
  Rng prng(SeedFor(options.seed, 0x70726f74));  // "prot"
  for (size_t i = 0; i < static_cast<size_t>(n_users); ++i) {
    User& u = w.users[i];
    double r = prng.Uniform();
    if (r < options.protected_user_rate) {
      u.protected_from_ms = std::numeric_limits<int64_t>::min();
    } else if (r < options.protected_user_rate + options.user_protect_rate) {
      u.protected_from_ms = w.start_ms + static_cast<int64_t>(prng.Uniform() * span);
      w.scheduled.push_back({ScheduledCompliance::kUserProtect, u.protected_from_ms, static_cast<int>(i)});
    }
    if (u.geo_enabled && prng.Chance(options.scrub_geo_rate))
      w.scheduled.push_back({ScheduledCompliance::kScrubGeo,
                             w.start_ms + static_cast<int64_t>(prng.Uniform() * span), static_cast<int>(i)});
  }
  std::sort(w.scheduled.begin(), w.scheduled.end(), [](const auto& a, const auto& b) {
    return a.time_ms != b.time_ms ? a.time_ms < b.time_ms : a.user < b.user;
  });

  // Per-city and per-language pickers by activity.
  w.city_users.assign(w.cities.size(), {});
  w.lang_users.assign(kLangCount, {});
  w.city_activity.assign(w.cities.size(), 0);
  std::vector<double> mention_w(w.users.size());
  for (size_t i = 0; i < w.users.size(); ++i) {
    const User& u = w.users[i];
    mention_w[i] = std::pow(static_cast<double>(u.followers) + 10, 0.6);
    if (static_cast<int64_t>(i) >= n_users) continue;  // official accounts tweet on purpose only
    w.city_users[u.city].push_back(static_cast<int>(i));
    w.lang_users[static_cast<int>(u.lang)].push_back(static_cast<int>(i));
    w.city_activity[u.city] += u.activity;
  }
  w.mention_table.Build(mention_w);
  w.users_by_city.resize(w.cities.size());
  for (size_t c = 0; c < w.cities.size(); ++c) {
    std::vector<double> a;
    for (int i : w.city_users[c]) a.push_back(w.users[i].activity);
    w.users_by_city[c].Build(a);
  }
  w.users_by_lang.resize(kLangCount);
  for (int l = 0; l < kLangCount; ++l) {
    std::vector<double> a;
    for (int i : w.lang_users[l]) a.push_back(w.users[i].activity);
    w.users_by_lang[l].Build(a);
    if (a.empty()) return Status::Internal("no users for language " + std::string(Vocabulary(l).code));
  }
  for (int l = 0; l < kLangCount; ++l) w.word_tables.emplace_back(ZipfWeights(Vocabulary(l).words.size()));

  int n_events = options.events >= 0 ? options.events : std::max(1, (options.days + 1) / 2);
  int n_trends = options.trends >= 0 ? options.trends : std::max(2, options.days);
  MakeEvents(w, rng, n_events);
  MakeTrends(w, rng, n_trends);
  for (int l = 0; l < kLangCount; ++l)
    for (auto topic : Vocabulary(l).slow_topics)
      w.slow_topics.push_back({std::string(topic), static_cast<Lang>(l), 0.004});
  return w;
}

}  // namespace roost::synth
