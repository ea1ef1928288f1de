// A three-sentence hand-annotated CoNLL-U treebank for tests that need a
// trained model in milliseconds (model files, combined parsers).
#ifndef KG_TESTS_INGEST_TINY_TREEBANK_H_
#define KG_TESTS_INGEST_TINY_TREEBANK_H_

namespace kg::testing {

inline constexpr char kTinyTreebank[] =
    "1\tDogs\t_\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tbark\t_\tVERB\tVBP\t_\t0\troot\t_\t_\n"
    "3\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
    "1\tThe\t_\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tcat\t_\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tsleeps\t_\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
    "4\t.\t_\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
    "1\tShe\t_\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tsaw\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthe\t_\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\tdog\t_\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
    "5\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

}  // namespace kg::testing

#endif  // KG_TESTS_INGEST_TINY_TREEBANK_H_
