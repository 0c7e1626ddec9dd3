//! The wasm heap run natively over an arena: blocks are aligned, never overlap, keep their
//! contents across realloc, and freed memory is reused.
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::Layout;
use std::collections::BTreeMap;

use claim_reader::heap::{Heap, Pages, PAGE};
use proptest::prelude::*;

/// Pages handed out in order from one allocation, like `memory.grow`. `holes` (used in turn,
/// one per grow) leave pages unused before a grow, as if something else had grown memory in
/// between.
struct Arena {
    base: *mut u8,
    pages: usize,
    used: usize,
    holes: Vec<usize>,
    grows: usize,
}

impl Arena {
    fn new(pages: usize, holes: Vec<usize>) -> Self {
        assert!(!holes.is_empty());
        // SAFETY: the layout is not zero-sized.
        let base = unsafe { std::alloc::alloc(Self::layout(pages)) };
        assert!(!base.is_null());
        base.expose_provenance();
        Arena { base, pages, used: 0, holes, grows: 0 }
    }

    fn layout(pages: usize) -> Layout {
        Layout::from_size_align(pages * PAGE, PAGE).unwrap()
    }

    /// Bytes of the arena handed out so far: the heap's high-water mark.
    fn high_water(&self) -> usize {
        self.used * PAGE
    }
}

// SAFETY: each grow hands out fresh pages of the arena, which outlives the heap and sits far
// below the top of the address space.
unsafe impl Pages for Arena {
    fn grow(&mut self, pages: usize) -> Option<usize> {
        let skip = self.holes[self.grows % self.holes.len()];
        self.grows += 1;
        let first = self.used + skip;
        if pages > self.pages.checked_sub(first)? {
            return None;
        }
        self.used = first + pages;
        Some(self.base as usize + first * PAGE)
    }
}

impl Drop for Arena {
    fn drop(&mut self) {
        // SAFETY: allocated in `new` with this layout.
        unsafe { std::alloc::dealloc(self.base, Self::layout(self.pages)) }
    }
}

/// Live blocks, checked against each other: start → (end, layout, fill byte).
struct Model {
    heap: Heap<Arena>,
    live: BTreeMap<usize, (usize, Layout, u8)>,
    next_fill: u8,
}

impl Model {
    fn new(pages: usize) -> Self {
        Self::over(Arena::new(pages, vec![0]))
    }

    fn over(arena: Arena) -> Self {
        Model { heap: Heap::new(arena), live: BTreeMap::new(), next_fill: 1 }
    }

    fn high_water(&self) -> usize {
        self.heap.pages().high_water()
    }

    /// Checks a new or moved block and fills it; returns its address.
    fn place(&mut self, ptr: *mut u8, layout: Layout) -> usize {
        let start = ptr as usize;
        assert!(!ptr.is_null(), "out of memory for {layout:?}");
        assert_eq!(start % layout.align(), 0, "{layout:?} misaligned at {start:#x}");
        let end = start + layout.size();
        if let Some((_, &(prev_end, ..))) = self.live.range(..=start).next_back() {
            assert!(prev_end <= start, "{start:#x} overlaps a block ending at {prev_end:#x}");
        }
        if let Some((&next, _)) = self.live.range(start + 1..).next() {
            assert!(end <= next, "block to {end:#x} overlaps one at {next:#x}");
        }
        let fill = self.next_fill;
        self.next_fill = self.next_fill.wrapping_add(1).max(1);
        // SAFETY: the heap handed out `layout.size()` bytes at `ptr`.
        unsafe { ptr.write_bytes(fill, layout.size()) };
        self.live.insert(start, (end, layout, fill));
        start
    }

    fn check(&self, start: usize, len: usize) {
        let (_, _, fill) = self.live[&start];
        // SAFETY: a live block of at least `len` bytes.
        let bytes = unsafe { std::slice::from_raw_parts(start as *const u8, len) };
        assert!(bytes.iter().all(|&b| b == fill), "block at {start:#x} was overwritten");
    }

    fn alloc(&mut self, size: usize, align: usize) -> usize {
        let layout = Layout::from_size_align(size, align).unwrap();
        let ptr = self.heap.alloc(layout);
        self.place(ptr, layout)
    }

    fn free(&mut self, start: usize) {
        let (end, layout, _) = self.live[&start];
        self.check(start, end - start);
        self.live.remove(&start);
        // SAFETY: a live block of this heap, with its layout.
        unsafe { self.heap.dealloc(start as *mut u8, layout) };
    }

    fn realloc(&mut self, start: usize, new_size: usize) -> usize {
        let (end, layout, fill) = self.live[&start];
        self.check(start, end - start);
        self.live.remove(&start);
        // SAFETY: a live block of this heap, with its layout.
        let ptr = unsafe { self.heap.realloc(start as *mut u8, layout, new_size) };
        let kept = layout.size().min(new_size);
        // SAFETY: the block now holds at least `kept` bytes.
        let bytes = unsafe { std::slice::from_raw_parts(ptr, kept) };
        assert!(bytes.iter().all(|&b| b == fill), "realloc lost the contents");
        self.place(ptr, Layout::from_size_align(new_size, layout.align()).unwrap())
    }

    fn run(&mut self, ops: &[Op]) {
        let mut order = Vec::new();
        for op in ops {
            match *op {
                Op::Alloc(size, align) => order.push(self.alloc(size, align)),
                Op::Free(i) if !order.is_empty() => {
                    let start = order.swap_remove(i % order.len());
                    self.free(start);
                }
                Op::Realloc(i, size) if !order.is_empty() => {
                    let i = i % order.len();
                    order[i] = self.realloc(order[i], size);
                }
                _ => {}
            }
        }
    }

    fn free_all(&mut self) {
        let starts: Vec<usize> = self.live.keys().copied().collect();
        for start in starts {
            self.free(start);
        }
    }
}

#[derive(Clone, Debug)]
enum Op {
    Alloc(usize, usize),
    Free(usize),
    Realloc(usize, usize),
}

/// Mostly small sizes, as a UI makes; sometimes tens of KB; rarely past a page.
fn size() -> impl Strategy<Value = usize> {
    prop_oneof![
        8 => 0usize..=64,
        4 => 65usize..=2048,
        2 => 2049usize..=40_000,
        1 => 40_001usize..=300_000,
    ]
}

fn align() -> impl Strategy<Value = usize> {
    prop_oneof![
        8 => (0u32..=4).prop_map(|k| 1usize << k),
        1 => (5u32..=16).prop_map(|k| 1usize << k),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (size(), align()).prop_map(|(s, a)| Op::Alloc(s, a)),
        3 => any::<usize>().prop_map(Op::Free),
        2 => (any::<usize>(), size()).prop_map(|(i, s)| Op::Realloc(i, s)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any sequence gives aligned, disjoint blocks that keep their contents. Run again and again
    /// after everything is freed, it reuses what it freed: small blocks cover their classes'
    /// peaks after the first run, and as memory grows at the top, where every later run finds it
    /// as one free run, it grows by at most the pages its large blocks ask for in one run.
    #[test]
    fn blocks_are_sound_and_reused(
        ops in prop::collection::vec(op(), 1..300),
        holes in prop_oneof![Just(vec![0]), prop::collection::vec(0usize..3, 1..4)],
    ) {
        let contiguous = holes == [0];
        let mut model = Model::over(Arena::new(4096, holes));
        let mut high_water = [0; 4];
        for mark in &mut high_water {
            model.run(&ops);
            model.free_all();
            *mark = model.high_water();
        }
        let large: usize = ops
            .iter()
            .map(|op| match *op {
                Op::Alloc(size, _) | Op::Realloc(_, size) if size > PAGE => size.div_ceil(PAGE),
                _ => 0,
            })
            .sum();
        if contiguous {
            prop_assert!(high_water[3] <= high_water[0] + large * PAGE, "{high_water:?}");
        }
    }

    /// A long loop that keeps at most 32 blocks of at most 4 KiB live stays within a bound set by
    /// those peaks, however much it allocates in all.
    #[test]
    fn steady_loop_stays_bounded(
        ops in prop::collection::vec((0usize..32, 1usize..=4096, align()), 5000),
    ) {
        let mut model = Model::new(4096);
        let mut slots: Vec<Option<usize>> = vec![None; 32];
        for (slot, size, align) in ops {
            if let Some(start) = slots[slot].take() {
                model.free(start);
            }
            slots[slot] = Some(model.alloc(size, align.min(4096)));
        }
        // Per class at most 32 blocks; the classes up to 4 KiB sum to less than 11 × 4 KiB;
        // alignment gaps at most as much again; plus the last grow's page.
        prop_assert!(model.high_water() <= 2 * 32 * 11 * 4096 + PAGE, "{}", model.high_water());
    }
}

#[test]
fn realloc_keeps_the_block_within_its_class() {
    let mut model = Model::new(16);
    // 20 bytes take a class of 24 (three grains natively).
    let a = model.alloc(20, 4);
    assert_eq!(model.realloc(a, 24), a);
    assert_eq!(model.realloc(a, 17), a);
    let b = model.realloc(a, 25);
    assert_ne!(b, a);
    let c = model.realloc(b, 5);
    assert_ne!(c, b);
}

#[test]
fn freed_blocks_are_reused_first() {
    let mut model = Model::new(16);
    let a = model.alloc(100, 8);
    model.free(a);
    assert_eq!(model.alloc(110, 16), a);
}

#[test]
fn large_blocks_take_whole_pages_and_come_back() {
    let mut model = Model::new(64);
    let a = model.alloc(5 * PAGE + 1, 8);
    assert_eq!(a % PAGE, 0);
    assert_eq!(model.high_water(), 6 * PAGE);
    model.free(a);
    assert_eq!(model.alloc(6 * PAGE, 4096), a);
    assert_eq!(model.high_water(), 6 * PAGE);
}

#[test]
fn out_of_memory_gives_null_and_the_heap_goes_on() {
    let mut model = Model::new(4);
    let mut blocks = Vec::new();
    let layout = Layout::from_size_align(3000, 8).unwrap();
    loop {
        let ptr = model.heap.alloc(layout);
        if ptr.is_null() {
            break;
        }
        blocks.push(model.place(ptr, layout));
    }
    // 3000 bytes take a class of 3072: blocks fill the four pages but for 1 KiB.
    assert_eq!(blocks.len(), 4 * PAGE / 3072);
    for &huge in &[5 * PAGE, (isize::MAX as usize) / 2 + 2, isize::MAX as usize] {
        let layout = Layout::from_size_align(huge, 1).unwrap();
        assert!(model.heap.alloc(layout).is_null());
    }
    let first = blocks.swap_remove(0);
    model.free(first);
    assert_eq!(model.alloc(3000, 8), first);
    // SAFETY: a live block of this heap, with its layout; on failure it stays live.
    let grown = unsafe { model.heap.realloc(first as *mut u8, layout, 5000) };
    assert!(grown.is_null());
    model.check(first, 3000);
}

#[test]
fn alignment_beyond_a_page_is_refused() {
    let mut model = Model::new(16);
    let layout = Layout::from_size_align(8, 2 * PAGE).unwrap();
    assert!(model.heap.alloc(layout).is_null());
    assert_eq!(model.alloc(8, PAGE) % PAGE, 0);
}

#[test]
fn alignment_gaps_are_reused() {
    let mut model = Model::new(16);
    let base = model.alloc(8, 8);
    assert_eq!(model.alloc(4096, 4096), base + 4096);
    assert_eq!(model.alloc(16, 8), base + 16);
    assert_eq!(model.alloc(2048, 8), base + 2048);
}

#[test]
fn the_tail_left_by_memory_grown_elsewhere_is_reused() {
    let mut model = Model::over(Arena::new(16, vec![0, 1]));
    let base = model.alloc(8, 8);
    assert_eq!(model.alloc(PAGE, 8), base + 2 * PAGE);
    assert_eq!(model.alloc(32768, 8), base + 32768);
    assert_eq!(model.alloc(8, 8), base + 8);
}

#[test]
fn memory_grown_elsewhere_every_time_still_serves() {
    let mut model = Model::over(Arena::new(64, vec![1]));
    model.alloc(8, 8);
    model.alloc(PAGE, 8);
    model.alloc(3 * PAGE, PAGE);
}

#[test]
fn a_large_block_shrinks_in_place_and_its_tail_is_reused() {
    let mut model = Model::new(64);
    let a = model.alloc(10 * PAGE, 8);
    assert_eq!(model.realloc(a, 3 * PAGE + 1), a);
    assert_eq!(model.alloc(6 * PAGE, 8), a + 4 * PAGE);
    assert_eq!(model.high_water(), 10 * PAGE);
}

#[test]
fn freed_runs_merge_with_their_neighbours() {
    let mut model = Model::new(64);
    let a = model.alloc(2 * PAGE + 1, 8);
    let b = model.alloc(3 * PAGE, 8);
    let c = model.alloc(2 * PAGE, 8);
    assert_eq!((b, c), (a + 3 * PAGE, a + 6 * PAGE));
    model.free(a);
    model.free(c);
    model.free(b);
    assert_eq!(model.alloc(8 * PAGE, 8), a);
    assert_eq!(model.high_water(), 8 * PAGE);
}

#[test]
fn small_blocks_are_carved_from_freed_runs() {
    let mut model = Model::new(64);
    let a = model.alloc(2 * PAGE, 8);
    model.free(a);
    assert_eq!(model.alloc(8, 8), a + PAGE);
    assert_eq!(model.alloc(PAGE, 8), a);
    assert_eq!(model.high_water(), 2 * PAGE);
}
