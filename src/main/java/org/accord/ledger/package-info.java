/**
 * The transparency ledger: an append-only Merkle log that any third party can audit without trusting
 * the operator.
 *
 * <p>Hashing and proofs follow RFC 9162 ({@link org.accord.ledger.MerkleLog}); the tree is stored and
 * served as C2SP tlog-tiles ({@link org.accord.ledger.TileId}, {@link org.accord.ledger.LogTree},
 * {@link org.accord.ledger.TiledNodes}); tree heads are C2SP tlog-checkpoints ({@link
 * org.accord.ledger.Checkpoint}) inside C2SP signed notes ({@link org.accord.ledger.Note}) signed with
 * Ed25519; receipts are C2SP tlog-proofs ({@link org.accord.ledger.Receipt}). Events are serialized with
 * the JSON Canonicalization Scheme, RFC 8785 ({@link org.accord.ledger.CanonicalJson}), and private
 * events enter the log as salted commitments ({@link org.accord.ledger.Commitment}). {@link
 * org.accord.ledger.Verifier} is the auditor's offline verifier.
 *
 * <p>This package imports the JDK only, so that the verifier can be lifted into a tiny jar. It does no
 * I/O of its own: storage, fetching and serving are behind {@link org.accord.ledger.TileReader} and
 * {@link org.accord.ledger.TileSource}, implemented by the edges.
 */
package org.accord.ledger;
