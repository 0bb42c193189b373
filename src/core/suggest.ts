/** "Did you mean ...?" for names users mistype: the closest candidate within two edits, if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = 3
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best === word ? undefined : best
}

function editDistance(a: string, b: string): number {
  // previous[j]: the distance from the first i - 1 characters of a to the first j of b.
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  let distance = b.length
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    // The cells up-left and left of the one computed: previous[j - 1] and current[j - 1].
    let [diagonal, left] = [i - 1, i]
    for (const [k, above] of previous.slice(1).entries()) {
      left = Math.min(above + 1, left + 1, diagonal + (a[i - 1] === b[k] ? 0 : 1))
      current.push(left)
      diagonal = above
    }
    previous = current
    distance = left
  }
  return distance
}
