#include "graph/walks.h"

#include <algorithm>
#include <functional>
#include <vector>

#include "graph/csr_graph.h"
#include "graph/vertex_map.h"

namespace kg {

std::vector<Reached> Neighbors(const EntityGraph& g, VertexId start,
                               const NeighborOptions& options) {
  const CsrBase& csr = g.csr().g;
  std::vector<Reached> out;
  VertexMap<int> depth_of;  // visited set
  depth_of.TryEmplace(start, 0);
  std::vector<VertexId> frontier{start}, next;
  size_t distinct = 0;
  bool full = options.limit == 0;
  for (int d = 1; d <= options.depth && !frontier.empty() && !full; ++d) {
    next.clear();
    for (VertexId u : frontier) {
      VisitAdjacent(csr, u, options.direction, [&](const Adjacent& a) {
        if (options.predicate != kNoTerm && a.predicate != options.predicate) {
          return true;
        }
        bool first = false;
        if (const int* seen = depth_of.Find(a.vertex)) {
          if (*seen != d) return true;  // reached earlier: not a shortest edge
        } else {
          if (distinct == options.limit) {
            full = true;
            return false;
          }
          depth_of.TryEmplace(a.vertex, d);
          ++distinct;
          next.push_back(a.vertex);
          first = true;
        }
        out.push_back(Reached{a.vertex, d,
                              WalkStep{u, a.vertex, a.predicate, a.outgoing},
                              first});
        return true;
      });
      if (full) break;
    }
    frontier.swap(next);
  }
  return out;
}

namespace {

Direction Reverse(Direction d) {
  if (d == Direction::kOut) return Direction::kIn;
  if (d == Direction::kIn) return Direction::kOut;
  return d;
}

// One side of the bidirectional search. Parent links of a vertex form a linked
// list in `links` (several with `all`).
struct Side {
  struct Node {
    int dist;
    int32_t first_link;
  };
  struct Link {
    WalkStep step;
    int32_t next;
  };
  bool from_source;  // steps point away from the source, else toward target
  Direction dir;
  VertexMap<Node> seen;
  std::vector<Link> links;
  std::vector<VertexId> frontier;
  int depth = 0;

  VertexId Parent(const Link& l) const {
    return from_source ? l.step.from : l.step.to;
  }
};

// Expands one full BFS level of `s`.
void ExpandLevel(const EntityGraph& g, Side& s, bool all) {
  std::vector<VertexId> next;
  const int d = s.depth + 1;
  for (VertexId u : s.frontier) {
    VisitAdjacent(g.csr().g, u, s.dir, [&](const Adjacent& a) {
      auto [node, inserted] = s.seen.TryEmplace(a.vertex, Side::Node{d, -1});
      if (!inserted && (node->dist != d || !all)) return true;
      if (inserted) next.push_back(a.vertex);
      WalkStep step = s.from_source
                          ? WalkStep{u, a.vertex, a.predicate, a.outgoing}
                          : WalkStep{a.vertex, u, a.predicate, !a.outgoing};
      s.links.push_back(Side::Link{step, node->first_link});
      node->first_link = static_cast<int32_t>(s.links.size() - 1);
      return true;
    });
  }
  s.frontier.swap(next);
  s.depth = d;
}

// Appends to `out` every path from the side's root to `v` (source side) or
// from `v` to the root (target side), each joined to `tail` as the walk
// continues; stops at `cap` paths.
void Unwind(const Side& s, VertexId v, GraphPath& partial,
            std::vector<GraphPath>& out, size_t cap,
            const std::function<void(const GraphPath&)>& emit) {
  if (out.size() >= cap) return;
  int32_t link = s.seen.Find(v)->first_link;
  if (link < 0) {  // the root
    emit(partial);
    return;
  }
  for (; link >= 0 && out.size() < cap; link = s.links[link].next) {
    const Side::Link& l = s.links[link];
    partial.push_back(l.step);
    Unwind(s, s.Parent(l), partial, out, cap, emit);
    partial.pop_back();
  }
}

}  // namespace

std::vector<GraphPath> ShortestPaths(const EntityGraph& g, VertexId from,
                                     VertexId to, const PathOptions& options) {
  std::vector<GraphPath> out;
  if (from == to) {
    out.emplace_back();
    return out;
  }
  Side fwd{true, options.direction, VertexMap<Side::Node>(), {}, {from}, 0};
  Side bwd{false, Reverse(options.direction), VertexMap<Side::Node>(), {}, {to},
           0};
  fwd.seen.TryEmplace(from, Side::Node{0, -1});
  bwd.seen.TryEmplace(to, Side::Node{0, -1});
  const size_t cap = options.all ? std::max<size_t>(options.max_paths, 1) : 1;

  while (!fwd.frontier.empty() && !bwd.frontier.empty() &&
         fwd.depth + bwd.depth < options.max_depth) {
    Side& grow = fwd.frontier.size() <= bwd.frontier.size() ? fwd : bwd;
    Side& other = &grow == &fwd ? bwd : fwd;
    ExpandLevel(g, grow, options.all);
    int best = INT32_MAX;
    for (VertexId w : grow.frontier) {
      if (const Side::Node* n = other.seen.Find(w)) {
        best = std::min(best, n->dist);
      }
    }
    if (best == INT32_MAX) continue;
    // Every shortest path crosses the new level at a vertex whose distance
    // from the other side is `best`.
    std::vector<VertexId> meet;
    for (VertexId w : grow.frontier) {
      const Side::Node* n = other.seen.Find(w);
      if (n != nullptr && n->dist == best) meet.push_back(w);
    }
    std::sort(meet.begin(), meet.end());
    for (VertexId w : meet) {
      GraphPath prefix, suffix;
      Unwind(fwd, w, prefix, out, cap, [&](const GraphPath& head) {
        GraphPath reversed_head(head.rbegin(), head.rend());
        Unwind(bwd, w, suffix, out, cap, [&](const GraphPath& tail) {
          GraphPath path = reversed_head;
          path.insert(path.end(), tail.begin(), tail.end());
          out.push_back(std::move(path));
        });
      });
      if (out.size() >= cap) break;
    }
    return out;
  }
  return out;
}

}  // namespace kg
