//! The wasm heap: a small allocator in place of the default dlmalloc.
//!
//! Blocks up to a page (64 KiB) come in size classes, multiples of the grain (a pointer's size):
//! every multiple up to 8 grains, then four per doubling (4 to 7 times a power of two grains),
//! so a block is at most 25% larger than asked. Each class has a singly linked free list whose
//! link lives in the free block. A request takes a free block of its class, else carves one
//! from a bump region refilled a page at a time. A block sits on a multiple of the largest power
//! of two dividing its size, and a request's size is first rounded up to its alignment, so the
//! class's alignment covers it; alignments above a page are refused. The bytes skipped to align
//! a block go to the free lists.
//!
//! Larger blocks are runs of whole pages. Free runs are kept in one list by address, merged
//! with free neighbours and handed out first fit, to large blocks and to the bump region alike,
//! before memory grows. `realloc` keeps a block whose class (or page count) stays, and shrinks
//! a large one in place.
//!
//! Trade-offs: up to 25% internal fragmentation, or a page less a byte for a large block; small
//! blocks are never merged or split, so a class keeps the blocks of its own peak for reuse;
//! memory is never handed back to the host, which wasm cannot do anyway.
//!
//! The logic is generic over [`Pages`], the source of new memory, so it is tested natively.

use core::alloc::Layout;
use core::ptr;

/// The wasm page: the unit `memory.grow` adds, the size limit of a class, the largest alignment.
pub const PAGE: usize = 1 << 16;

/// Block sizes and addresses are multiples of the grain, which holds the free-list link.
const GRAIN: usize = size_of::<usize>();

/// Class indices stay below this (see [`class`]); a power of two, so a mask proves the bound.
const CLASSES: usize = 64;

/// Where new memory comes from.
///
/// # Safety
/// `grow(n)` returns the page-aligned, non-zero address of `n * PAGE` bytes that nothing else
/// uses for as long as the heap lives, ending more than a page below `usize::MAX`; or `None`.
pub unsafe trait Pages {
    fn grow(&mut self, pages: usize) -> Option<usize>;
}

/// The allocator over a source of pages. Single-threaded: every method takes `&mut self`.
pub struct Heap<P> {
    /// Free-list head per class (address of the first free block, 0 when empty).
    free: [usize; CLASSES],
    /// The first free run of pages (0 when none); a run holds the next one's address, then its
    /// own length in bytes.
    runs: usize,
    /// The unused part `[bump, end)` of the bump region; `end` is on a page boundary.
    bump: usize,
    end: usize,
    pages: P,
}

/// `size` rounded up to `align`, at least 1 (`Layout` keeps this from overflowing).
fn rounded(size: usize, align: usize) -> usize {
    (size.max(1) + align - 1) & !(align - 1)
}

/// The class of the blocks that hold `n` bytes, `n` a rounded size up to a page: `4e + m` for
/// blocks of `m << e` grains, `m` in `5..=8` (or `1..=8` when `e` is 0), so at most 52.
fn class(n: usize) -> usize {
    // Where classes are spaced by less than the alignment `n` was rounded to, `n` is a class
    // size itself; elsewhere every class size is a multiple of it. So the alignment holds.
    let q = (n - 1) / GRAIN;
    let e = (usize::BITS - q.leading_zeros()).saturating_sub(3) as usize;
    (4 * e + (q >> e) + 1) & (CLASSES - 1)
}

/// The size in bytes of the blocks of class `k`.
fn class_size(k: usize) -> usize {
    let grains = if k < 4 { k } else { (4 + (k & 3)) << ((k >> 2) - 1) };
    grains * GRAIN
}

/// # Safety
/// `addr` is a grain-aligned word of a free block or run of the heap.
unsafe fn read(addr: usize) -> usize {
    // SAFETY: the caller's contract.
    unsafe { ptr::with_exposed_provenance::<usize>(addr).read() }
}

/// # Safety
/// As [`read`].
unsafe fn write(addr: usize, value: usize) {
    // SAFETY: the caller's contract.
    unsafe { ptr::with_exposed_provenance_mut::<usize>(addr).write(value) }
}

impl<P: Pages> Heap<P> {
    pub const fn new(pages: P) -> Self {
        Heap { free: [0; CLASSES], runs: 0, bump: 0, end: 0, pages }
    }

    /// The source of pages.
    pub fn pages(&self) -> &P {
        &self.pages
    }

    /// A block for `layout`, or null when memory is out or `layout.align() > PAGE`.
    pub fn alloc(&mut self, layout: Layout) -> *mut u8 {
        if layout.align() > PAGE {
            return ptr::null_mut();
        }
        let n = rounded(layout.size(), layout.align());
        let addr = if n > PAGE {
            self.take(n.div_ceil(PAGE))
        } else {
            let k = class(n);
            match self.free[k] {
                0 => self.carve(k),
                head => {
                    // SAFETY: heads of the free lists are free blocks.
                    self.free[k] = unsafe { read(head) };
                    Some(head)
                }
            }
        };
        ptr::with_exposed_provenance_mut(addr.unwrap_or(0))
    }

    /// # Safety
    /// `ptr` came from this heap's `alloc` or `realloc` with `layout`, and is not used again.
    pub unsafe fn dealloc(&mut self, ptr: *mut u8, layout: Layout) {
        let n = rounded(layout.size(), layout.align());
        // SAFETY: the caller's contract; a block's class or page count follows from its layout.
        unsafe { self.free_block(ptr.expose_provenance(), n) }
    }

    /// The block resized to `new_size`: the same one if it still fits its class or page count
    /// (a large one shrinks in place), else a new one holding the old contents (then the old one
    /// is freed), or null (the old one is kept).
    ///
    /// # Safety
    /// As `GlobalAlloc::realloc`: `ptr` came from this heap with `layout`, and `new_size` rounded
    /// up to `layout.align()` is at most `isize::MAX`.
    pub unsafe fn realloc(&mut self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let align = layout.align();
        let (old, new) = (rounded(layout.size(), align), rounded(new_size, align));
        let addr = ptr.expose_provenance();
        if old > PAGE && new > PAGE {
            let (have, want) = (old.div_ceil(PAGE) * PAGE, new.div_ceil(PAGE) * PAGE);
            if want < have {
                // SAFETY: the tail pages of the block, no longer used.
                unsafe { self.give(addr + want, have - want) };
            }
            if want <= have {
                return ptr;
            }
        } else if old <= PAGE && new <= PAGE && class(old) == class(new) {
            return ptr;
        }
        // SAFETY: the caller's contract on `new_size`.
        let moved = self.alloc(unsafe { Layout::from_size_align_unchecked(new_size, align) });
        if !moved.is_null() {
            // SAFETY: both blocks are live, distinct and at least this long.
            unsafe {
                ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                self.free_block(addr, old);
            }
        }
        moved
    }

    /// # Safety
    /// `addr` is a block of the heap for a rounded size `n`, no longer used.
    unsafe fn free_block(&mut self, addr: usize, n: usize) {
        // SAFETY: the caller's contract.
        unsafe {
            if n > PAGE {
                self.give(addr, n.div_ceil(PAGE) * PAGE);
            } else {
                self.push(class(n), addr);
            }
        }
    }

    /// # Safety
    /// `addr` is an unused block of class `k` that belongs to the heap.
    unsafe fn push(&mut self, k: usize, addr: usize) {
        // SAFETY: the block is at least a grain long and aligned to it.
        unsafe { write(addr, self.free[k]) };
        self.free[k] = addr;
    }

    /// A new block of class `k` from the bump region, refilled with a page when short.
    #[cold]
    fn carve(&mut self, k: usize) -> Option<usize> {
        let size = class_size(k);
        let align = size & size.wrapping_neg();
        // `end` is a multiple of `align`, so `start` is at most `end`.
        let mut start = (self.bump + align - 1) & !(align - 1);
        if start + size > self.end {
            // A block is at most a page: it fits once a page follows `end`, or in a page alone.
            let page = self.take(1)?;
            if page != self.end {
                self.release(self.bump, self.end);
                (self.bump, start) = (page, page);
            }
            self.end = page + PAGE;
        }
        self.release(self.bump, start);
        self.bump = start + size;
        Some(start)
    }

    /// Puts the unused range `[from, to)` (multiples of the grain) on the free lists, as the
    /// largest power-of-two blocks, each aligned to its size, that tile it; whole pages as runs.
    fn release(&mut self, mut from: usize, to: usize) {
        while from < to {
            let fit = usize::BITS - 1 - (to - from).leading_zeros();
            let piece = 1 << from.trailing_zeros().min(fit);
            // SAFETY: a piece of the unused range, aligned to its size: below a page a class
            // size, else whole pages.
            unsafe {
                if piece >= PAGE {
                    self.give(from, piece);
                } else {
                    self.push(class(piece), from);
                }
            }
            from += piece;
        }
    }

    /// `pages` pages: the tail of the first free run long enough, else new ones.
    fn take(&mut self, pages: usize) -> Option<usize> {
        let len = pages.checked_mul(PAGE)?;
        let (mut prev, mut run) = (0, self.runs);
        while run != 0 {
            // SAFETY: `run` is a free run: its next run's address, then its length.
            unsafe {
                let (next, have) = (read(run), read(run + GRAIN));
                if have >= len {
                    if have == len {
                        self.link(prev, next);
                    } else {
                        write(run + GRAIN, have - len);
                    }
                    return Some(run + have - len);
                }
                (prev, run) = (run, next);
            }
        }
        self.pages.grow(pages)
    }

    /// # Safety
    /// `[addr, addr + len)` is whole pages of the heap, no longer used.
    unsafe fn give(&mut self, addr: usize, mut len: usize) {
        let (mut prev, mut next) = (0, self.runs);
        // SAFETY: runs in the list and the given pages, which are free.
        unsafe {
            while next != 0 && next < addr {
                (prev, next) = (next, read(next));
            }
            if addr + len == next {
                len += read(next + GRAIN);
                next = read(next);
            }
            if prev != 0 && prev + read(prev + GRAIN) == addr {
                write(prev + GRAIN, read(prev + GRAIN) + len);
                write(prev, next);
            } else {
                write(addr, next);
                write(addr + GRAIN, len);
                self.link(prev, addr);
            }
        }
    }

    /// Points the run `prev` (or the list's head, if 0) at `run`.
    ///
    /// # Safety
    /// `prev` is 0 or a free run.
    unsafe fn link(&mut self, prev: usize, run: usize) {
        if prev == 0 {
            self.runs = run;
        } else {
            // SAFETY: the caller's contract.
            unsafe { write(prev, run) };
        }
    }
}

/// Memory from the wasm instance's own linear memory.
#[cfg(target_arch = "wasm32")]
pub struct WasmPages;

// SAFETY: `memory.grow` returns the old size in pages, so the new pages start there; they are
// fresh and page-aligned, and never at 0: data and stack sit below the heap. The last page of
// the 4 GiB address space is refused, so ends stay a page below `usize::MAX`.
#[cfg(target_arch = "wasm32")]
unsafe impl Pages for WasmPages {
    fn grow(&mut self, pages: usize) -> Option<usize> {
        let old = core::arch::wasm32::memory_grow(0, pages);
        (old != usize::MAX && old + pages < (1 << 16) - 1).then(|| old * PAGE)
    }
}

// With atomics (threads) the default allocator stays: this one has no lock.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod global {
    use super::{Heap, WasmPages};
    use core::alloc::{GlobalAlloc, Layout};
    use core::cell::UnsafeCell;

    struct WasmHeap(UnsafeCell<Heap<WasmPages>>);

    // SAFETY: without the atomics feature wasm32 runs one thread with no preemption, and the
    // heap calls nothing that allocates, so no two `&mut` to it ever exist at once.
    unsafe impl Sync for WasmHeap {}

    // SAFETY: `Heap` hands out distinct blocks of at least the layout's size and alignment.
    unsafe impl GlobalAlloc for WasmHeap {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            unsafe { (*self.0.get()).alloc(layout) }
        }
        // Out of line: inlined into every drop it costs more code than the call.
        #[inline(never)]
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { (*self.0.get()).dealloc(ptr, layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            unsafe { (*self.0.get()).realloc(ptr, layout, new_size) }
        }
    }

    #[global_allocator]
    static HEAP: WasmHeap = WasmHeap(UnsafeCell::new(Heap::new(WasmPages)));
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A class holds the request, its blocks' alignment covers it, and it wastes at most a
        /// quarter beyond the request rounded up to its alignment and to a grain.
        #[test]
        fn classes_fit(size in 0usize..=PAGE, align_log in 0u32..=16) {
            let align = 1 << align_log;
            let n = rounded(size, align);
            prop_assume!(n <= PAGE);
            let k = class(n);
            let block = class_size(k);
            let n = n.next_multiple_of(GRAIN);
            prop_assert!(block >= n && block - n <= n / 4, "{size} {align}: {block}");
            prop_assert_eq!(block % align, 0);
            prop_assert_eq!(class(block), k);
        }
    }

    #[test]
    fn classes_are_dense_and_ordered() {
        let sizes: Vec<usize> = (1..=class(PAGE)).map(class_size).collect();
        assert!(sizes.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(sizes[..12], [1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16].map(|g| g * GRAIN));
        assert_eq!(sizes.last(), Some(&PAGE));
        assert!(class(PAGE) < CLASSES);
    }
}
