#include "common/time_parse.h"

#include <cstdint>
#include <cstdio>

namespace roost {
namespace {

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    unsigned d = static_cast<unsigned char>(s[i]) - '0';
    if (d > 9) return false;
    v = v * 10 + static_cast<int>(d);
  }
  *out = v;
  return true;
}

int MonthFromName(std::string_view m) {
  // The three letters as one number: a switch instead of twelve string
  // comparisons, for a call made once or twice per tweet.
  if (m.size() != 3) return 0;
  constexpr auto code = [](char a, char b, char c) {
    return static_cast<uint32_t>(static_cast<unsigned char>(a)) << 16 |
           static_cast<uint32_t>(static_cast<unsigned char>(b)) << 8 | static_cast<unsigned char>(c);
  };
  switch (code(m[0], m[1], m[2])) {
    case code('J', 'a', 'n'): return 1;
    case code('F', 'e', 'b'): return 2;
    case code('M', 'a', 'r'): return 3;
    case code('A', 'p', 'r'): return 4;
    case code('M', 'a', 'y'): return 5;
    case code('J', 'u', 'n'): return 6;
    case code('J', 'u', 'l'): return 7;
    case code('A', 'u', 'g'): return 8;
    case code('S', 'e', 'p'): return 9;
    case code('O', 'c', 't'): return 10;
    case code('N', 'o', 'v'): return 11;
    case code('D', 'e', 'c'): return 12;
    default: return 0;
  }
}

bool ValidDate(int y, int mo, int d) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1) return false;
  if (d > kDays[mo - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(mo == 2 && d == 29 && !leap);
}

TimestampMs Compose(int y, int mo, int d, int h, int mi, int s, int ms, int offset_min) {
  int64_t days = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  int64_t secs = days * 86400 + h * 3600 + mi * 60 + s - static_cast<int64_t>(offset_min) * 60;
  return secs * 1000 + ms;
}

}  // namespace

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2);
}

std::optional<TimestampMs> ParseTwitterTime(std::string_view s) {
  // Www Mmm DD HH:MM:SS +ZZZZ YYYY
  // 0   4   8  11 14 17 20    26
  if (s.size() != 30 || s[3] != ' ' || s[7] != ' ' || s[10] != ' ' || s[13] != ':' ||
      s[16] != ':' || s[19] != ' ' || s[25] != ' ') {
    return std::nullopt;
  }
  int mo = MonthFromName(s.substr(4, 3));
  int d, h, mi, sec, oh, om, y;
  if (mo == 0 || !Digits(s, 8, 2, &d) || !Digits(s, 11, 2, &h) || !Digits(s, 14, 2, &mi) ||
      !Digits(s, 17, 2, &sec) || !Digits(s, 21, 2, &oh) || !Digits(s, 23, 2, &om) ||
      !Digits(s, 26, 4, &y)) {
    return std::nullopt;
  }
  if (s[20] != '+' && s[20] != '-') return std::nullopt;
  if (!ValidDate(y, mo, d) || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  int offset = (oh * 60 + om) * (s[20] == '-' ? -1 : 1);
  return Compose(y, mo, d, h, mi, sec, 0, offset);
}

std::optional<TimestampMs> ParseIsoTime(std::string_view s) {
  int y, mo, d, h = 0, mi = 0, sec = 0, ms = 0, offset = 0;
  if (!Digits(s, 0, 4, &y) || s.size() < 10 || s[4] != '-' || !Digits(s, 5, 2, &mo) ||
      s[7] != '-' || !Digits(s, 8, 2, &d)) {
    return std::nullopt;
  }
  size_t p = 10;
  if (p < s.size() && (s[p] == 'T' || s[p] == ' ')) {
    if (!Digits(s, p + 1, 2, &h) || p + 3 >= s.size() || s[p + 3] != ':' ||
        !Digits(s, p + 4, 2, &mi)) {
      return std::nullopt;
    }
    p += 6;
    if (p < s.size() && s[p] == ':') {
      if (!Digits(s, p + 1, 2, &sec)) return std::nullopt;
      p += 3;
      if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
        ++p;
        int scale = 100;
        while (p < s.size() && s[p] >= '0' && s[p] <= '9') {
          ms += (s[p] - '0') * scale;
          scale /= 10;
          ++p;
        }
      }
    }
  }
  if (p < s.size()) {
    if (s[p] == 'Z' || s[p] == 'z') {
      ++p;
    } else if (s[p] == '+' || s[p] == '-') {
      int oh, om = 0;
      if (!Digits(s, p + 1, 2, &oh)) return std::nullopt;
      size_t q = p + 3;
      if (q < s.size() && s[q] == ':') ++q;
      if (q < s.size()) {
        if (!Digits(s, q, 2, &om)) return std::nullopt;
        q += 2;
      }
      offset = (oh * 60 + om) * (s[p] == '-' ? -1 : 1);
      p = q;
    }
  }
  if (p != s.size()) return std::nullopt;
  if (!ValidDate(y, mo, d) || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  return Compose(y, mo, d, h, mi, sec, ms, offset);
}

std::optional<TimestampMs> ParseAnyTime(std::string_view s) {
  if (!s.empty() && s[0] >= '0' && s[0] <= '9') return ParseIsoTime(s);
  return ParseTwitterTime(s);
}

std::string FormatIsoTime(TimestampMs t) {
  int64_t secs = t >= 0 ? t / 1000 : (t - 999) / 1000;
  int ms = static_cast<int>(t - secs * 1000);
  int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
  int64_t rem = secs - days * 86400;
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[40];
  if (ms != 0) {
    std::snprintf(buf, sizeof(buf), "%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ",
                  static_cast<long long>(y), m, d, static_cast<int>(rem / 3600),
                  static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60), ms);
  } else {
    std::snprintf(buf, sizeof(buf), "%04lld-%02u-%02uT%02d:%02d:%02dZ", static_cast<long long>(y), m,
                  d, static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                  static_cast<int>(rem % 60));
  }
  return buf;
}

}  // namespace roost
