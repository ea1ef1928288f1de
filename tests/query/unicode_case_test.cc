#include "query/unicode_case.h"

#include <gtest/gtest.h>

namespace kg::query {
namespace {

TEST(UnicodeCaseTest, MapsTheScriptsOfTheNews) {
  EXPECT_EQ(Utf8ToUpper("Arménie"), "ARMÉNIE");
  EXPECT_EQ(Utf8ToLower("ÉLYSÉE Œuvre"), "élysée œuvre");
  EXPECT_EQ(Utf8ToLower("Łódź ŻÓŁW"), "łódź żółw");
  EXPECT_EQ(Utf8ToUpper("αθήνα"), "ΑΘΉΝΑ");
  EXPECT_EQ(Utf8ToLower("ΆΈΉΊΌΎΏ"), "άέήίόύώ");
  EXPECT_EQ(Utf8ToLower("МОСКВА Єва"), "москва єва");
  EXPECT_EQ(Utf8ToUpper("straße"), "STRAßE");  // ß has no one-letter upper
  EXPECT_EQ(Utf8ToLower("中文 ABC"), "中文 abc");
  EXPECT_EQ(Utf8ToLower(std::string("\xff\xfe"
                                    "AB",
                                    4)),
            std::string("\xff\xfe"
                        "ab",
                        4));
}

}  // namespace
}  // namespace kg::query
