// The top-level domains of the public suffix list (ICANN section), generated
// at build time by gen_tld_table.cmake from the Debian `publicsuffix` package.
// IDN TLDs are in Unicode (UTF-8), as the list spells them; all lower case.
#ifndef ROOST_ENRICH_ENTITIES_TLD_TABLE_H_
#define ROOST_ENRICH_ENTITIES_TLD_TABLE_H_

namespace roost::enrich {

extern const char* const kTldTable[];
extern const int kTldTableSize;

}  // namespace roost::enrich

#endif  // ROOST_ENRICH_ENTITIES_TLD_TABLE_H_
